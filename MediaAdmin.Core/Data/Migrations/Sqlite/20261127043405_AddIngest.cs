using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BitrateKbps",
                table: "MediaAssets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Height",
                table: "MediaAssets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceFormat",
                table: "MediaAssets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SourceSizeBytes",
                table: "MediaAssets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "MediaAssets",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VideoCodec",
                table: "MediaAssets",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Width",
                table: "MediaAssets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IngestJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Progress = table.Column<double>(type: "REAL", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeasedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                INSERT INTO "AspNetRoleClaims" ("RoleId", "ClaimType", "ClaimValue")
                SELECT DISTINCT "RoleId", 'mediaadmin:permission', 'media.upload' FROM "AspNetRoleClaims"
                WHERE "ClaimType" = 'mediaadmin:permission' AND "ClaimValue" IN ('media.delete.own', 'media.delete.any')
                  AND "RoleId" NOT IN (SELECT "RoleId" FROM "AspNetRoleClaims" WHERE "ClaimType" = 'mediaadmin:permission' AND "ClaimValue" = 'media.upload')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "AspNetRoleClaims" WHERE "ClaimType" = 'mediaadmin:permission' AND "ClaimValue" = 'media.upload'""");

            migrationBuilder.DropTable(
                name: "IngestJobs");

            // SQLite drops these in place: a rebuilt table would lose the title search triggers on it.
            migrationBuilder.Sql("""ALTER TABLE "MediaAssets" DROP COLUMN "AudioCodec";""");
            migrationBuilder.Sql("""ALTER TABLE "MediaAssets" DROP COLUMN "BitrateKbps";""");
            migrationBuilder.Sql("""ALTER TABLE "MediaAssets" DROP COLUMN "Height";""");
            migrationBuilder.Sql("""ALTER TABLE "MediaAssets" DROP COLUMN "SourceFormat";""");
            migrationBuilder.Sql("""ALTER TABLE "MediaAssets" DROP COLUMN "SourceSizeBytes";""");
            migrationBuilder.Sql("""ALTER TABLE "MediaAssets" DROP COLUMN "StatusReason";""");
            migrationBuilder.Sql("""ALTER TABLE "MediaAssets" DROP COLUMN "VideoCodec";""");
            migrationBuilder.Sql("""ALTER TABLE "MediaAssets" DROP COLUMN "Width";""");
        }
    }
}
