using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssetFileSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CdnReminderUrls",
                table: "MediaAssets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FileCount",
                table: "MediaAssets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql(AssetFileSummaryBackfill.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CdnReminderUrls",
                table: "MediaAssets");

            migrationBuilder.DropColumn(
                name: "FileCount",
                table: "MediaAssets");
        }
    }
}
