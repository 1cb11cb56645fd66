using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.SqlServer
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
                    Partition = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Second = table.Column<long>(type: "bigint", nullable: false),
                    Calls = table.Column<int>(type: "int", nullable: false)
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
