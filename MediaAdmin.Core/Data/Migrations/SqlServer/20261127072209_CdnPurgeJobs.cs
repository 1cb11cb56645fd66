using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CdnPurgeJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssetUrls",
                table: "CdnInvalidations",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "NextPurgeAtUtc",
                table: "CdnInvalidations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PurgeAttempts",
                table: "CdnInvalidations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PurgeError",
                table: "CdnInvalidations",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgeRequestedAtUtc",
                table: "CdnInvalidations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PurgeState",
                table: "CdnInvalidations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PurgeTaskIds",
                table: "CdnInvalidations",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PurgeWaitReason",
                table: "CdnInvalidations",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgeWaitUntilUtc",
                table: "CdnInvalidations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgedAtUtc",
                table: "CdnInvalidations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefreshedByUserId",
                table: "CdnInvalidations",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefreshedReason",
                table: "CdnInvalidations",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAtUtc",
                table: "CdnInvalidations",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CdnPurgeUrl",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    InvalidationId = table.Column<long>(type: "bigint", nullable: false),
                    VideoId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Url = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: false),
                    IsFolder = table.Column<bool>(type: "bit", nullable: false),
                    Probed = table.Column<bool>(type: "bit", nullable: false),
                    Accepted = table.Column<bool>(type: "bit", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ProbeStatus = table.Column<int>(type: "int", nullable: true),
                    ProbeError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ProbedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdnPurgeUrl", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CdnPurgeUrl_CdnInvalidations_InvalidationId",
                        column: x => x.InvalidationId,
                        principalTable: "CdnInvalidations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CdnInvalidations_PurgeState_NextPurgeAtUtc",
                table: "CdnInvalidations",
                columns: new[] { "PurgeState", "NextPurgeAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CdnPurgeUrl_InvalidationId",
                table: "CdnPurgeUrl",
                column: "InvalidationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CdnPurgeUrl");

            migrationBuilder.DropIndex(
                name: "IX_CdnInvalidations_PurgeState_NextPurgeAtUtc",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "AssetUrls",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "NextPurgeAtUtc",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "PurgeAttempts",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "PurgeError",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "PurgeRequestedAtUtc",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "PurgeState",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "PurgeTaskIds",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "PurgeWaitReason",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "PurgeWaitUntilUtc",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "PurgedAtUtc",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "RefreshedByUserId",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "RefreshedReason",
                table: "CdnInvalidations");

            migrationBuilder.DropColumn(
                name: "VerifiedAtUtc",
                table: "CdnInvalidations");
        }
    }
}
