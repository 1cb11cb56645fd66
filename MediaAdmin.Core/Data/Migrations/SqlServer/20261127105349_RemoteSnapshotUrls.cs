using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RemoteSnapshotUrls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SnapshotUrls",
                table: "RemoteAssets",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SnapshotUrls",
                table: "RemoteAssets");
        }
    }
}
