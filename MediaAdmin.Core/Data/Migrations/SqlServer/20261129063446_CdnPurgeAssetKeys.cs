using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CdnPurgeAssetKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CdnPurgeAssetKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    InvalidationId = table.Column<long>(type: "bigint", nullable: false),
                    VideoId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    StorageKeys = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CapturedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdnPurgeAssetKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CdnPurgeAssetKeys_InvalidationId_VideoId",
                table: "CdnPurgeAssetKeys",
                columns: new[] { "InvalidationId", "VideoId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CdnPurgeAssetKeys");
        }
    }
}
