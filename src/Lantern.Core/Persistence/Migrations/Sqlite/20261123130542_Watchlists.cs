using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Watchlists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "watchlists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_watchlists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "watchlist_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WatchlistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsChild = table.Column<bool>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Aliases = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    BirthDate = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    NationalId = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    Passport = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ListVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_watchlist_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_watchlist_items_watchlists_WatchlistId",
                        column: x => x.WatchlistId,
                        principalTable: "watchlists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "watchlist_screeners",
                columns: table => new
                {
                    WatchlistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_watchlist_screeners", x => new { x.WatchlistId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_watchlist_screeners_watchlists_WatchlistId",
                        column: x => x.WatchlistId,
                        principalTable: "watchlists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "watchlist_item_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WatchlistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ListVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DetailsJson = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_watchlist_item_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_watchlist_item_versions_watchlist_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "watchlist_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_watchlist_item_versions_ItemId_Version",
                table: "watchlist_item_versions",
                columns: new[] { "ItemId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_watchlist_item_versions_WatchlistId_ListVersion",
                table: "watchlist_item_versions",
                columns: new[] { "WatchlistId", "ListVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_watchlist_items_PersonId",
                table: "watchlist_items",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_watchlist_items_WatchlistId_ExternalId",
                table: "watchlist_items",
                columns: new[] { "WatchlistId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_watchlist_items_WatchlistId_ListVersion",
                table: "watchlist_items",
                columns: new[] { "WatchlistId", "ListVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_watchlist_screeners_OrganisationId",
                table: "watchlist_screeners",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_watchlists_OwnerOrganisationId",
                table: "watchlists",
                column: "OwnerOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "watchlist_item_versions");

            migrationBuilder.DropTable(
                name: "watchlist_screeners");

            migrationBuilder.DropTable(
                name: "watchlist_items");

            migrationBuilder.DropTable(
                name: "watchlists");
        }
    }
}
