using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseRelations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_relations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromValue = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    FromKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ToType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ToValue = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    ToKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_relations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_relations_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_relations_CaseId",
                table: "case_relations",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_relations_FromKey",
                table: "case_relations",
                column: "FromKey");

            migrationBuilder.CreateIndex(
                name: "IX_case_relations_ToKey",
                table: "case_relations",
                column: "ToKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_relations");
        }
    }
}
