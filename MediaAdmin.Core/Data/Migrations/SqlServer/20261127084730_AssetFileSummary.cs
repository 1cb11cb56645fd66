using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.SqlServer
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
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FileCount",
                table: "MediaAssets",
                type: "int",
                nullable: true);

            migrationBuilder.Sql(AssetFileSummaryBackfill.SqlServer);
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
