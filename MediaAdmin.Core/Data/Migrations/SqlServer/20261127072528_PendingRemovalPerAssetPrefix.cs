using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PendingRemovalPerAssetPrefix : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The per-key index /cdn used is replaced by the per-prefix one below.
            migrationBuilder.DropIndex(
                name: "IX_PendingFileDeletions_StorageKey",
                table: "PendingFileDeletions");

            migrationBuilder.RenameColumn(
                name: "StorageKey",
                table: "PendingFileDeletions",
                newName: "StoragePrefix");

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAtUtc",
                table: "PendingFileDeletions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemovedFiles",
                table: "PendingFileDeletions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TotalFiles",
                table: "PendingFileDeletions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Removals in flight at the upgrade become one per asset prefix (every file of an asset is below it).
            migrationBuilder.Sql("""
                DELETE FROM "PendingFileDeletions" WHERE "Id" NOT IN (SELECT MIN("Id") FROM "PendingFileDeletions" GROUP BY "RequestId", "AssetId");
                UPDATE "PendingFileDeletions" SET "StoragePrefix" = 'media/' + "AssetId" + '/';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_PendingFileDeletions_RequestId",
                table: "PendingFileDeletions",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PendingFileDeletions_StoragePrefix",
                table: "PendingFileDeletions",
                column: "StoragePrefix");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PendingFileDeletions_RequestId",
                table: "PendingFileDeletions");

            migrationBuilder.DropIndex(
                name: "IX_PendingFileDeletions_StoragePrefix",
                table: "PendingFileDeletions");

            migrationBuilder.DropColumn(
                name: "CompletedAtUtc",
                table: "PendingFileDeletions");

            migrationBuilder.DropColumn(
                name: "RemovedFiles",
                table: "PendingFileDeletions");

            migrationBuilder.DropColumn(
                name: "TotalFiles",
                table: "PendingFileDeletions");

            migrationBuilder.RenameColumn(
                name: "StoragePrefix",
                table: "PendingFileDeletions",
                newName: "StorageKey");

            migrationBuilder.CreateIndex(
                name: "IX_PendingFileDeletions_StorageKey",
                table: "PendingFileDeletions",
                column: "StorageKey");
        }
    }
}
