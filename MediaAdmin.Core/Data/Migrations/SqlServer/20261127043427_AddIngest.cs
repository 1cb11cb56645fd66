using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddIngest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AudioCodec",
                table: "MediaAssets",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BitrateKbps",
                table: "MediaAssets",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Height",
                table: "MediaAssets",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceFormat",
                table: "MediaAssets",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SourceSizeBytes",
                table: "MediaAssets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "MediaAssets",
                type: "nvarchar(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VideoCodec",
                table: "MediaAssets",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Width",
                table: "MediaAssets",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IngestJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AssetId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    Progress = table.Column<double>(type: "float", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LeasedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IngestJobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IngestJobs_AssetId",
                table: "IngestJobs",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_IngestJobs_State_LeasedUntilUtc",
                table: "IngestJobs",
                columns: new[] { "State", "LeasedUntilUtc" });

            // Roles that could delete assets in an existing database are the ones that manage the library:
            // they get media.upload as new databases' Editors and Administrators do.
            migrationBuilder.Sql("""
                INSERT INTO [AspNetRoleClaims] ([RoleId], [ClaimType], [ClaimValue])
                SELECT DISTINCT [RoleId], 'mediaadmin:permission', 'media.upload' FROM [AspNetRoleClaims]
                WHERE [ClaimType] = 'mediaadmin:permission' AND [ClaimValue] IN ('media.delete.own', 'media.delete.any')
                  AND [RoleId] NOT IN (SELECT [RoleId] FROM [AspNetRoleClaims] WHERE [ClaimType] = 'mediaadmin:permission' AND [ClaimValue] = 'media.upload')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM [AspNetRoleClaims] WHERE [ClaimType] = 'mediaadmin:permission' AND [ClaimValue] = 'media.upload'""");

            migrationBuilder.DropTable(
                name: "IngestJobs");

            migrationBuilder.DropColumn(
                name: "AudioCodec",
                table: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "BitrateKbps",
                table: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "Height",
                table: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "SourceFormat",
                table: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "SourceSizeBytes",
                table: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "VideoCodec",
                table: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "Width",
                table: "MediaAssets");
        }
    }
}
