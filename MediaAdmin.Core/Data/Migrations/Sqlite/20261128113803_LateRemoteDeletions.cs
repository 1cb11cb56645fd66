using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LateRemoteDeletions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OriginalRequestId",
                table: "DeletionAuditRecords",
                type: "TEXT",
                unicode: false,
                maxLength: 36,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PendingRemoteDeletions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: false),
                    VideoId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    AccessKeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RemoteAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CdnUrls = table.Column<string>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingRemoteDeletions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PendingRemoteDeletions_RequestId_VideoId",
                table: "PendingRemoteDeletions",
                columns: new[] { "RequestId", "VideoId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PendingRemoteDeletions_SentAtUtc",
                table: "PendingRemoteDeletions",
                column: "SentAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PendingRemoteDeletions_VideoId",
                table: "PendingRemoteDeletions",
                column: "VideoId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingRemoteDeletions");

            migrationBuilder.DropColumn(
                name: "OriginalRequestId",
                table: "DeletionAuditRecords");
        }
    }
}
