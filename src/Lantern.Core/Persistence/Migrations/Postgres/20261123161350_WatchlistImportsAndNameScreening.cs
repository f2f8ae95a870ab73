using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WatchlistImportsAndNameScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "screened_subjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExternalId = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Name = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    BirthDate = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    Nationality = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    NationalId = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    Passport = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    SubjectKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Threshold = table.Column<double>(type: "double precision", nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ScreenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Hits = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screened_subjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "screening_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AlertedOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WatchlistId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsChild = table.Column<bool>(type: "boolean", nullable: false),
                    ItemVersion = table.Column<int>(type: "integer", nullable: false),
                    ListVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AlgorithmVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReopenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "screening_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Hits = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "screening_profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Use = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: false),
                    Lists = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "screening_watermarks",
                columns: table => new
                {
                    WatchlistId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListVersion = table.Column<int>(type: "integer", nullable: false),
                    RescreenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screening_watermarks", x => x.WatchlistId);
                    table.ForeignKey(
                        name: "FK_screening_watermarks_watchlists_WatchlistId",
                        column: x => x.WatchlistId,
                        principalTable: "watchlists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "watchlist_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WatchlistId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListVersion = table.Column<int>(type: "integer", nullable: false),
                    Format = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    Changed = table.Column<int>(type: "integer", nullable: false),
                    Removed = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    ImportedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_watchlist_imports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_watchlist_imports_watchlists_WatchlistId",
                        column: x => x.WatchlistId,
                        principalTable: "watchlists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_screened_subjects_BatchId_ScreenedAt",
                table: "screened_subjects",
                columns: new[] { "BatchId", "ScreenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_screened_subjects_OrganisationId_ScreenedAt",
                table: "screened_subjects",
                columns: new[] { "OrganisationId", "ScreenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_screening_alerts_AlertedOrganisationId_Status",
                table: "screening_alerts",
                columns: new[] { "AlertedOrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_screening_alerts_BatchId",
                table: "screening_alerts",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_screening_alerts_ItemId",
                table: "screening_alerts",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_screening_alerts_OrganisationId_Status",
                table: "screening_alerts",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_screening_alerts_OrganisationId_SubjectKey_ItemId",
                table: "screening_alerts",
                columns: new[] { "OrganisationId", "SubjectKey", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_screening_batches_OrganisationId_SubmittedAt",
                table: "screening_batches",
                columns: new[] { "OrganisationId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_screening_batches_Status",
                table: "screening_batches",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_screening_profiles_OrganisationId",
                table: "screening_profiles",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_watchlist_imports_WatchlistId_ImportedAt",
                table: "watchlist_imports",
                columns: new[] { "WatchlistId", "ImportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "screened_subjects");

            migrationBuilder.DropTable(
                name: "screening_alerts");

            migrationBuilder.DropTable(
                name: "screening_batches");

            migrationBuilder.DropTable(
                name: "screening_profiles");

            migrationBuilder.DropTable(
                name: "screening_watermarks");

            migrationBuilder.DropTable(
                name: "watchlist_imports");
        }
    }
}
