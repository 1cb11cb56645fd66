using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TokenBucketRateLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateWindowCounts");

            migrationBuilder.CreateTable(
                name: "RateAllowances",
                columns: table => new
                {
                    Partition = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NextFreeMicroseconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateAllowances", x => x.Partition);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RateAllowances_NextFreeMicroseconds",
                table: "RateAllowances",
                column: "NextFreeMicroseconds");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateAllowances");

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
    }
}
