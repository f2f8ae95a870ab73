using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Lantern.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "child_safeguards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuardianName = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    GuardianRelation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NoGuardianReason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    GuardianRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AssessmentSummary = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    AssessmentRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_safeguards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_child_safeguards_case_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "case_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_child_safeguards_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExplainedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExplainedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GuardianName = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    GuardianRelation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consents_case_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "case_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_consents_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reflection_periods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reflection_periods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reflection_periods_case_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "case_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_reflection_periods_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_providers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: true),
                    PlacesFree = table.Column<int>(type: "INTEGER", nullable: true),
                    LanguageCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcceptsChildren = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcceptsWomen = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcceptsMen = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponseHours = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 2600, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_providers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_providers_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_type_settings",
                columns: table => new
                {
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResponseHours = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_type_settings", x => x.Type);
                });

            migrationBuilder.CreateTable(
                name: "support_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Objectives = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_plans_case_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "case_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_support_plans_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consent_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ServiceProviderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CategoryCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consent_grants_consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SendingOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivingOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Needs = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    MedicalNeeds = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    RequestedCategoryCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DisclosedCategoryCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsChild = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeadlineAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsentOverridden = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentOverrideReason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    ConsentWithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    VictimName = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    VictimNameInOriginalScript = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    VictimBirthDate = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    VictimGender = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    VictimCitizenships = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VictimPhone = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    CaseSummary = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    ExploitationDetails = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referrals_case_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "case_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_referrals_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_referrals_consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_referrals_organisations_ReceivingOrganisationId",
                        column: x => x.ReceivingOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_referrals_organisations_SendingOrganisationId",
                        column: x => x.SendingOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_referrals_service_providers_ServiceProviderId",
                        column: x => x.ServiceProviderId,
                        principalTable: "service_providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "support_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_actions_support_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "support_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referral_state_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Username = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_state_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referral_state_changes_referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "service_type_settings",
                columns: new[] { "Type", "ResponseHours" },
                values: new object[,]
                {
                    { "EducationAndLivelihood", 48 },
                    { "FamilyTracing", 48 },
                    { "Interpretation", 48 },
                    { "LegalAid", 48 },
                    { "MedicalCare", 48 },
                    { "PsychosocialSupport", 48 },
                    { "ReturnAndReintegration", 48 },
                    { "Shelter", 48 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_child_safeguards_CaseId",
                table: "child_safeguards",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_child_safeguards_ParticipantId",
                table: "child_safeguards",
                column: "ParticipantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consent_grants_ConsentId",
                table: "consent_grants",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_consents_CaseId",
                table: "consents",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_consents_ParticipantId",
                table: "consents",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_referral_state_changes_ReferralId",
                table: "referral_state_changes",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_CaseId",
                table: "referrals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ConsentId",
                table: "referrals",
                column: "ConsentId");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ParticipantId",
                table: "referrals",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ReceivingOrganisationId_State",
                table: "referrals",
                columns: new[] { "ReceivingOrganisationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_Reference",
                table: "referrals",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_SendingOrganisationId_State",
                table: "referrals",
                columns: new[] { "SendingOrganisationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ServiceProviderId",
                table: "referrals",
                column: "ServiceProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_State_DeadlineAt",
                table: "referrals",
                columns: new[] { "State", "DeadlineAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reflection_periods_CaseId",
                table: "reflection_periods",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_reflection_periods_ParticipantId",
                table: "reflection_periods",
                column: "ParticipantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_providers_Active_Type_Province_District",
                table: "service_providers",
                columns: new[] { "Active", "Type", "Province", "District" });

            migrationBuilder.CreateIndex(
                name: "IX_service_providers_OrganisationId",
                table: "service_providers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_support_actions_PlanId",
                table: "support_actions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_support_plans_CaseId",
                table: "support_plans",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_support_plans_ParticipantId",
                table: "support_plans",
                column: "ParticipantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "child_safeguards");

            migrationBuilder.DropTable(
                name: "consent_grants");

            migrationBuilder.DropTable(
                name: "referral_state_changes");

            migrationBuilder.DropTable(
                name: "reflection_periods");

            migrationBuilder.DropTable(
                name: "service_type_settings");

            migrationBuilder.DropTable(
                name: "support_actions");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "support_plans");

            migrationBuilder.DropTable(
                name: "consents");

            migrationBuilder.DropTable(
                name: "service_providers");
        }
    }
}
