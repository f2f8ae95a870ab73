using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScreenedSubjectIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_screened_subjects_OrganisationId_SubjectKey",
                table: "screened_subjects",
                columns: new[] { "OrganisationId", "SubjectKey" });

            migrationBuilder.CreateIndex(
                name: "IX_screened_subjects_ScreenedAt",
                table: "screened_subjects",
                column: "ScreenedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_screened_subjects_OrganisationId_SubjectKey",
                table: "screened_subjects");

            migrationBuilder.DropIndex(
                name: "IX_screened_subjects_ScreenedAt",
                table: "screened_subjects");
        }
    }
}
