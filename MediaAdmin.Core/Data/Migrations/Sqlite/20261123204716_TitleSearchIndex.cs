using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TitleSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Title search: a contentless FTS5 index keyed by MediaAssets.SearchKey (stable, unlike the
            // implicit rowid, which VACUUM and table rebuilds renumber), kept current by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "MediaAssetTitles" USING fts5("Title", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "MediaAssets_TitleSearch_Insert" AFTER INSERT ON "MediaAssets" BEGIN
                    INSERT INTO "MediaAssetTitles" (rowid, "Title") VALUES (new."SearchKey", new."Title");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "MediaAssets_TitleSearch_Delete" AFTER DELETE ON "MediaAssets" BEGIN
                    DELETE FROM "MediaAssetTitles" WHERE rowid = old."SearchKey";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "MediaAssets_TitleSearch_Update" AFTER UPDATE OF "Title", "SearchKey" ON "MediaAssets" BEGIN
                    DELETE FROM "MediaAssetTitles" WHERE rowid = old."SearchKey";
                    INSERT INTO "MediaAssetTitles" (rowid, "Title") VALUES (new."SearchKey", new."Title");
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "MediaAssetTitles" (rowid, "Title") SELECT "SearchKey", "Title" FROM "MediaAssets";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "MediaAssets_TitleSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "MediaAssets_TitleSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "MediaAssets_TitleSearch_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "MediaAssetTitles";""");
        }
    }
}
