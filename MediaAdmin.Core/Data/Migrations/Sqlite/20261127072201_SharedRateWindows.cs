using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedRateWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RateWindowCounts",
                columns: table => new
                {
                    Partition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Second = table.Column<long>(type: "INTEGER", nullable: false),
                    Calls = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateWindowCounts", x => new { x.Partition, x.Second });
                });

            migrationBuilder.CreateIndex(
                name: "IX_RateWindowCounts_Second",
                table: "RateWindowCounts",
                column: "Second");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateWindowCounts");
        }
    }
}
