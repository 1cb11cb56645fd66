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
            // Not DropColumn: EF rebuilds a SQLite table to drop a column, and the rebuild would lose the title-search
            // triggers on MediaAssets. SQLite drops a plain column in place.
            migrationBuilder.Sql("ALTER TABLE \"MediaAssets\" DROP COLUMN \"CdnReminderUrls\";");
            migrationBuilder.Sql("ALTER TABLE \"MediaAssets\" DROP COLUMN \"FileCount\";");
        }
    }
}
