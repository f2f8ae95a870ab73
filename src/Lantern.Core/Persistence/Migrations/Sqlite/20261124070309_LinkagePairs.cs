using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkagePairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LinkageSecret",
                table: "sharing_partners",
                type: "TEXT",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LinkageSecretSetAt",
                table: "sharing_partners",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sharing_linkage_pairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartnerReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OwnReference = table.Column<Guid>(type: "TEXT", nullable: true),
                    FoundAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgreedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgreedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PartnerAgreedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_linkage_pairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_linkage_pairs_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_sharing_linkage_pairs_sharing_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "sharing_partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sharing_linkage_received",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Encoding = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_linkage_received", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_linkage_received_sharing_packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "sharing_packages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sharing_linkage_sent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sharing_linkage_sent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sharing_linkage_sent_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_sharing_linkage_sent_sharing_packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "sharing_packages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_linkage_pairs_OrganisationId_PartnerId_PersonId",
                table: "sharing_linkage_pairs",
                columns: new[] { "OrganisationId", "PartnerId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_linkage_pairs_OrganisationId_PartnerId_Reference",
                table: "sharing_linkage_pairs",
                columns: new[] { "OrganisationId", "PartnerId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_linkage_pairs_PartnerId",
                table: "sharing_linkage_pairs",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_linkage_pairs_PersonId",
                table: "sharing_linkage_pairs",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_linkage_received_OrganisationId_PartnerId",
                table: "sharing_linkage_received",
                columns: new[] { "OrganisationId", "PartnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_sharing_linkage_received_PackageId",
                table: "sharing_linkage_received",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_linkage_sent_OrganisationId_PartnerId_Reference",
                table: "sharing_linkage_sent",
                columns: new[] { "OrganisationId", "PartnerId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sharing_linkage_sent_PackageId",
                table: "sharing_linkage_sent",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_sharing_linkage_sent_PersonId",
                table: "sharing_linkage_sent",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sharing_linkage_pairs");

            migrationBuilder.DropTable(
                name: "sharing_linkage_received");

            migrationBuilder.DropTable(
                name: "sharing_linkage_sent");

            migrationBuilder.DropColumn(
                name: "LinkageSecret",
                table: "sharing_partners");

            migrationBuilder.DropColumn(
                name: "LinkageSecretSetAt",
                table: "sharing_partners");
        }
    }
}
