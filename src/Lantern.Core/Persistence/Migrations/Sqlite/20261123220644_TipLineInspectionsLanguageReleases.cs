using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TipLineInspectionsLanguageReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "users",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "releases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Username = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: false),
                    K = table.Column<int>(type: "INTEGER", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ReleasedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    SuppressedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    Generalisation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_releases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tip_duty",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_duty", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_tip_duty_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tip_line_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    HotlineOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HourlyCap = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_line_settings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tip_line_settings_organisations_HotlineOrganisationId",
                        column: x => x.HotlineOrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "tips",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bucket = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    WhenHappened = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    Children = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PeopleCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    PhraseHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CallDurationMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    CallLanguage = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssignedToUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedToUsername = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirstTriagedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CloseNote = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tips_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_tips_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_districts",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_districts", x => new { x.UserId, x.District });
                    table.ForeignKey(
                        name: "FK_user_districts_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workplaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    OperatorName = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    RegistrationNumbers = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workplaces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workplaces_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tip_additions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    FromReporter = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_additions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tip_additions_tips_TipId",
                        column: x => x.TipId,
                        principalTable: "tips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tip_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupervisorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tip_alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tip_alerts_tips_TipId",
                        column: x => x.TipId,
                        principalTable: "tips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkplaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Announced = table.Column<bool>(type: "INTEGER", nullable: false),
                    Men = table.Column<int>(type: "INTEGER", nullable: false),
                    Women = table.Column<int>(type: "INTEGER", nullable: false),
                    Boys = table.Column<int>(type: "INTEGER", nullable: false),
                    Girls = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkersFound = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildrenFound = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildAges = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PeshgiAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    PeshgiWorkers = table.Column<int>(type: "INTEGER", nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    WorkersReleased = table.Column<int>(type: "INTEGER", nullable: false),
                    ReleaseOrderReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VigilanceCommitteeReferral = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PoliceStation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VictimsReferredToServices = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowUpDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpInspectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspections_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_inspections_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_inspections_workplaces_WorkplaceId",
                        column: x => x.WorkplaceId,
                        principalTable: "workplaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_indicators_inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inspection_inspectors",
                columns: table => new
                {
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_inspectors", x => new { x.InspectionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_inspection_inspectors_inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_inspection_inspectors_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_indicators_InspectionId_Indicator",
                table: "inspection_indicators",
                columns: new[] { "InspectionId", "Indicator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspection_inspectors_UserId",
                table: "inspection_inspectors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_inspections_CaseId",
                table: "inspections",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_inspections_FollowUpDue",
                table: "inspections",
                column: "FollowUpDue");

            migrationBuilder.CreateIndex(
                name: "IX_inspections_OrganisationId_District_InspectedOn",
                table: "inspections",
                columns: new[] { "OrganisationId", "District", "InspectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_inspections_Reference",
                table: "inspections",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspections_WorkplaceId_InspectedOn",
                table: "inspections",
                columns: new[] { "WorkplaceId", "InspectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_releases_OrganisationId_CreatedAt",
                table: "releases",
                columns: new[] { "OrganisationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tip_additions_TipId",
                table: "tip_additions",
                column: "TipId");

            migrationBuilder.CreateIndex(
                name: "IX_tip_alerts_OrganisationId_AcknowledgedAt",
                table: "tip_alerts",
                columns: new[] { "OrganisationId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_tip_alerts_TipId",
                table: "tip_alerts",
                column: "TipId");

            migrationBuilder.CreateIndex(
                name: "IX_tip_duty_OrganisationId",
                table: "tip_duty",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_tip_line_settings_HotlineOrganisationId",
                table: "tip_line_settings",
                column: "HotlineOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_tips_CaseId",
                table: "tips",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_tips_Number",
                table: "tips",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tips_OrganisationId_State_ReceivedAt",
                table: "tips",
                columns: new[] { "OrganisationId", "State", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workplaces_OrganisationId_District",
                table: "workplaces",
                columns: new[] { "OrganisationId", "District" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspection_indicators");

            migrationBuilder.DropTable(
                name: "inspection_inspectors");

            migrationBuilder.DropTable(
                name: "releases");

            migrationBuilder.DropTable(
                name: "tip_additions");

            migrationBuilder.DropTable(
                name: "tip_alerts");

            migrationBuilder.DropTable(
                name: "tip_duty");

            migrationBuilder.DropTable(
                name: "tip_line_settings");

            migrationBuilder.DropTable(
                name: "user_districts");

            migrationBuilder.DropTable(
                name: "inspections");

            migrationBuilder.DropTable(
                name: "tips");

            migrationBuilder.DropTable(
                name: "workplaces");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "users");
        }
    }
}
