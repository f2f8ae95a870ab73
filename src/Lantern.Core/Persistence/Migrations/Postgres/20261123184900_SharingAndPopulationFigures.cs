using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SharingAndPopulationFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "population_figures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Population = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_population_figures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sharing_partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SigningKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EncryptionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSequenceSent = table.Column<long>(type: "bigint", nullable: false),
                    LastSequenceReceived = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_partners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_partners_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sharing_packages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Direction = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    ItemCount = table.Column<int>(type: "integer", nullable: false),
                    File = table.Column<byte[]>(type: "bytea", nullable: true),
                    By = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_packages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_packages_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_sharing_packages_sharing_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "sharing_partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sharing_received_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    OriginalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Handling = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HandlingConditions = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Accuracy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConsentBasis = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Title = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Content = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevocationPackageId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_received_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_received_items_sharing_packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "sharing_packages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_sharing_received_items_sharing_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "sharing_partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sharing_sent_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OriginalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    Handling = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevocationPackageId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_sent_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_sent_items_sharing_packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "sharing_packages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_population_figures_Area_Year",
                table: "population_figures",
                columns: new[] { "Area", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_packages_OrganisationId_At",
                table: "sharing_packages",
                columns: new[] { "OrganisationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_packages_PartnerId",
                table: "sharing_packages",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_partners_OrganisationId_Name",
                table: "sharing_partners",
                columns: new[] { "OrganisationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_partners_OrganisationId_SigningKey",
                table: "sharing_partners",
                columns: new[] { "OrganisationId", "SigningKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_received_items_OrganisationId_PartnerId_OriginalId",
                table: "sharing_received_items",
                columns: new[] { "OrganisationId", "PartnerId", "OriginalId" });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_received_items_PackageId",
                table: "sharing_received_items",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_received_items_PartnerId",
                table: "sharing_received_items",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_sent_items_OrganisationId_OriginalId",
                table: "sharing_sent_items",
                columns: new[] { "OrganisationId", "OriginalId" });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_sent_items_PackageId",
                table: "sharing_sent_items",
                column: "PackageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "population_figures");

            migrationBuilder.DropTable(
                name: "sharing_received_items");

            migrationBuilder.DropTable(
                name: "sharing_sent_items");

            migrationBuilder.DropTable(
                name: "sharing_packages");

            migrationBuilder.DropTable(
                name: "sharing_partners");
        }
    }
}
