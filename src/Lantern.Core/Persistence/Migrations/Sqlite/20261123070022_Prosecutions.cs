using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Prosecutions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deadline_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnchorStage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    DueStage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Verification = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadline_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hearings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Time = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Court = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Proceedings = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    Held = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdjournmentReason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    PreviousHearingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NextHearingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hearings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hearings_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proceedings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proceedings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proceedings_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "witness_protections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pseudonym = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InCamera = table.Column<bool>(type: "INTEGER", nullable: false),
                    Screen = table.Column<bool>(type: "INTEGER", nullable: false),
                    VideoLink = table.Column<bool>(type: "INTEGER", nullable: false),
                    OrderedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrderReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_witness_protections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_witness_protections_case_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "case_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_witness_protections_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "absconders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProceedingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProclamationReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ArrestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_absconders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_absconders_case_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "case_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_absconders_proceedings_ProceedingId",
                        column: x => x.ProceedingId,
                        principalTable: "proceedings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "charges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProceedingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccusedParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Instrument = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VersionEffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OffenceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Particulars = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    FramedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImprisonmentMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    FineRupees = table.Column<long>(type: "INTEGER", nullable: true),
                    SentenceConfirmation = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_charges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_charges_case_participants_AccusedParticipantId",
                        column: x => x.AccusedParticipantId,
                        principalTable: "case_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_charges_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_charges_proceedings_ProceedingId",
                        column: x => x.ProceedingId,
                        principalTable: "proceedings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proceeding_stages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProceedingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResponsibleUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PoliceStation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FirDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Court = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Judge = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CourtCaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Documents = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proceeding_stages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proceeding_stages_proceedings_ProceedingId",
                        column: x => x.ProceedingId,
                        principalTable: "proceedings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_proceeding_stages_users_ResponsibleUserId",
                        column: x => x.ResponsibleUserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "compensation_orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChargeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VictimParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rupees = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compensation_orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_compensation_orders_case_participants_VictimParticipantId",
                        column: x => x.VictimParticipantId,
                        principalTable: "case_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_compensation_orders_charges_ChargeId",
                        column: x => x.ChargeId,
                        principalTable: "charges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_absconders_ParticipantId",
                table: "absconders",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_absconders_ProceedingId",
                table: "absconders",
                column: "ProceedingId");

            migrationBuilder.CreateIndex(
                name: "IX_charges_AccusedParticipantId",
                table: "charges",
                column: "AccusedParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_charges_CaseId",
                table: "charges",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_charges_ProceedingId",
                table: "charges",
                column: "ProceedingId");

            migrationBuilder.CreateIndex(
                name: "IX_compensation_orders_ChargeId",
                table: "compensation_orders",
                column: "ChargeId");

            migrationBuilder.CreateIndex(
                name: "IX_compensation_orders_VictimParticipantId",
                table: "compensation_orders",
                column: "VictimParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_hearings_CaseId_Date",
                table: "hearings",
                columns: new[] { "CaseId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_hearings_Date",
                table: "hearings",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_proceeding_stages_ProceedingId_Stage",
                table: "proceeding_stages",
                columns: new[] { "ProceedingId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proceeding_stages_ResponsibleUserId",
                table: "proceeding_stages",
                column: "ResponsibleUserId");

            migrationBuilder.CreateIndex(
                name: "IX_proceedings_CaseId",
                table: "proceedings",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_witness_protections_CaseId",
                table: "witness_protections",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_witness_protections_ParticipantId",
                table: "witness_protections",
                column: "ParticipantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "absconders");

            migrationBuilder.DropTable(
                name: "compensation_orders");

            migrationBuilder.DropTable(
                name: "deadline_rules");

            migrationBuilder.DropTable(
                name: "hearings");

            migrationBuilder.DropTable(
                name: "proceeding_stages");

            migrationBuilder.DropTable(
                name: "witness_protections");

            migrationBuilder.DropTable(
                name: "charges");

            migrationBuilder.DropTable(
                name: "proceedings");
        }
    }
}
