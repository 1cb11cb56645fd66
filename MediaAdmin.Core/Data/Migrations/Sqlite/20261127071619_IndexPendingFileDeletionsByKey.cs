using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndexPendingFileDeletionsByKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PendingFileDeletions_StorageKey",
                table: "PendingFileDeletions",
                column: "StorageKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A later migration's downgrade rebuilds this table, which may already have dropped the index.
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_PendingFileDeletions_StorageKey\";");
        }
    }
}
