using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Screening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Population = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PopulationPresumed = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Exploitation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CatalogueVersion = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    RuleSet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Indicated = table.Column<bool>(type: "INTEGER", nullable: false),
                    PositiveDimensions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessments_case_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "case_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assessments_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_catalogues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    RuleSet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Csv = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: false),
                    RulesJson = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_catalogues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "status_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidingOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_status_decisions_case_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "case_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_status_decisions_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_CaseId",
                table: "assessments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_assessments_ParticipantId",
                table: "assessments",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_catalogues_ImportedAt",
                table: "indicator_catalogues",
                column: "ImportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_status_decisions_CaseId",
                table: "status_decisions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_status_decisions_ParticipantId",
                table: "status_decisions",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_status_decisions_PersonId",
                table: "status_decisions",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "indicator_catalogues");

            migrationBuilder.DropTable(
                name: "status_decisions");
        }
    }
}
