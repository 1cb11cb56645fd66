using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MissingFiles",
                table: "MediaAssets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ReconciliationRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Fix = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<int>(type: "INTEGER", nullable: false),
                    Unfinished = table.Column<bool>(type: "INTEGER", nullable: true),
                    LeasedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeysScanned = table.Column<long>(type: "INTEGER", nullable: false),
                    LastKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 512, nullable: true),
                    FilesChecked = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFileId = table.Column<long>(type: "INTEGER", nullable: false),
                    FilesAtStart = table.Column<long>(type: "INTEGER", nullable: false),
                    OrphansFound = table.Column<long>(type: "INTEGER", nullable: false),
                    MissingFound = table.Column<long>(type: "INTEGER", nullable: false),
                    Fixed = table.Column<long>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReconciliationFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 512, nullable: false),
                    AssetId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    LastModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconciliationFindings_ReconciliationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ReconciliationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationFindings_RunId_Kind_AssetId",
                table: "ReconciliationFindings",
                columns: new[] { "RunId", "Kind", "AssetId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationFindings_RunId_Kind_StorageKey",
                table: "ReconciliationFindings",
                columns: new[] { "RunId", "Kind", "StorageKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationRuns_StartedAtUtc",
                table: "ReconciliationRuns",
                column: "StartedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationRuns_Unfinished",
                table: "ReconciliationRuns",
                column: "Unfinished",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconciliationFindings");

            migrationBuilder.DropTable(
                name: "ReconciliationRuns");

            // Not DropColumn: EF rebuilds a SQLite table to drop a column, and the rebuild would lose the title-search
            // triggers on MediaAssets. SQLite drops a plain column in place.
            migrationBuilder.Sql("ALTER TABLE \"MediaAssets\" DROP COLUMN \"MissingFiles\";");
        }
    }
}
