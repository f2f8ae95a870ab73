using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DuplicatesQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "duplicate_candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeftPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RightPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Probability = table.Column<double>(type: "REAL", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    AlgorithmVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FoundAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScoredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duplicate_candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_duplicate_candidates_persons_LeftPersonId",
                        column: x => x.LeftPersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_duplicate_candidates_persons_RightPersonId",
                        column: x => x.RightPersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "linkage_parameters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AlgorithmVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidatePairs = table.Column<long>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_linkage_parameters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_identity_members",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdentityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_identity_members", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_person_identity_members_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_link_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_link_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_candidates_LeftPersonId_RightPersonId",
                table: "duplicate_candidates",
                columns: new[] { "LeftPersonId", "RightPersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_candidates_RightPersonId",
                table: "duplicate_candidates",
                column: "RightPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_candidates_Status_Probability",
                table: "duplicate_candidates",
                columns: new[] { "Status", "Probability" });

            migrationBuilder.CreateIndex(
                name: "IX_linkage_parameters_TrainedAt",
                table: "linkage_parameters",
                column: "TrainedAt");

            migrationBuilder.CreateIndex(
                name: "IX_person_identity_members_IdentityId",
                table: "person_identity_members",
                column: "IdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_person_link_requests_PersonId",
                table: "person_link_requests",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "duplicate_candidates");

            migrationBuilder.DropTable(
                name: "linkage_parameters");

            migrationBuilder.DropTable(
                name: "person_identity_members");

            migrationBuilder.DropTable(
                name: "person_link_requests");
        }
    }
}
