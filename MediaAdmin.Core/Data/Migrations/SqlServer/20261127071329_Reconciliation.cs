using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ReconciliationRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RunBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Fix = table.Column<bool>(type: "bit", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    Phase = table.Column<int>(type: "int", nullable: false),
                    Unfinished = table.Column<bool>(type: "bit", nullable: true),
                    LeasedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    KeysScanned = table.Column<long>(type: "bigint", nullable: false),
                    LastKey = table.Column<string>(type: "varchar(512)", unicode: false, maxLength: 512, nullable: true),
                    FilesChecked = table.Column<long>(type: "bigint", nullable: false),
                    LastFileId = table.Column<long>(type: "bigint", nullable: false),
                    FilesAtStart = table.Column<long>(type: "bigint", nullable: false),
                    OrphansFound = table.Column<long>(type: "bigint", nullable: false),
                    MissingFound = table.Column<long>(type: "bigint", nullable: false),
                    Fixed = table.Column<long>(type: "bigint", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReconciliationFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    StorageKey = table.Column<string>(type: "varchar(512)", unicode: false, maxLength: 512, nullable: false),
                    AssetId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    LastModifiedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: true)
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
                unique: true,
                filter: "[Unfinished] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconciliationFindings");

            migrationBuilder.DropTable(
                name: "ReconciliationRuns");

            migrationBuilder.DropColumn(
                name: "MissingFiles",
                table: "MediaAssets");
        }
    }
}
