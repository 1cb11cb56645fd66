using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaAdmin.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TitleSearchInCreationOrder : Migration
    {
        // Keys are 2^62 + (second of CreatedAtUtc since 1970 << 24) + place among that second's assets: above
        // every key an ID gives (60 bits), so the key EF inserts never collides before the trigger replaces it.
        private const string KeysStartAt = "4611686018427387904";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The title index's rowid becomes the asset's creation order, so a newest-first search walks the
            // index backwards and stops after a page instead of sorting every match.
            migrationBuilder.Sql("""DROP TRIGGER "MediaAssets_TitleSearch_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "MediaAssets_TitleSearch_Update";""");
            migrationBuilder.Sql("""UPDATE "MediaAssets" SET "SearchKey" = -1 - rowid;""");
            migrationBuilder.Sql($"""
                UPDATE "MediaAssets" SET "SearchKey" = ranked."Key"
                FROM (
                    SELECT rowid AS "Row",
                        {SecondStart("\"CreatedAtUtc\"")}
                        + row_number() OVER (PARTITION BY {SecondStart("\"CreatedAtUtc\"")} ORDER BY "CreatedAtUtc", "Id") - 1 AS "Key"
                    FROM "MediaAssets") AS ranked
                WHERE "MediaAssets".rowid = ranked."Row";
                """);
            migrationBuilder.Sql("""INSERT INTO "MediaAssetTitles" ("MediaAssetTitles") VALUES ('delete-all');""");
            migrationBuilder.Sql("""INSERT INTO "MediaAssetTitles" (rowid, "Title") SELECT "SearchKey", "Title" FROM "MediaAssets";""");
            // The index's terms, so a word can be searched as the terms it begins rather than as a prefix.
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "MediaAssetTitleTerms" USING fts5vocab('MediaAssetTitles', 'instance');""");
            migrationBuilder.Sql($"""
                CREATE TRIGGER "MediaAssets_TitleSearch_Insert" AFTER INSERT ON "MediaAssets" BEGIN
                    UPDATE "MediaAssets" SET "SearchKey" = {NextKeyOf("new")} WHERE rowid = new.rowid;
                    INSERT INTO "MediaAssetTitles" (rowid, "Title") SELECT "SearchKey", "Title" FROM "MediaAssets" WHERE rowid = new.rowid;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "MediaAssets_TitleSearch_Update" AFTER UPDATE OF "Title", "CreatedAtUtc" ON "MediaAssets" BEGIN
                    DELETE FROM "MediaAssetTitles" WHERE rowid = old."SearchKey";
                    UPDATE "MediaAssets" SET "SearchKey" = {NextKeyOf("new")} WHERE rowid = new.rowid AND new."CreatedAtUtc" IS NOT old."CreatedAtUtc";
                    INSERT INTO "MediaAssetTitles" (rowid, "Title") SELECT "SearchKey", "Title" FROM "MediaAssets" WHERE rowid = new.rowid;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The keys stay as they are: unique, which is all the earlier triggers need.
            migrationBuilder.Sql("""DROP TABLE "MediaAssetTitleTerms";""");
            migrationBuilder.Sql("""DROP TRIGGER "MediaAssets_TitleSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "MediaAssets_TitleSearch_Insert";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "MediaAssets_TitleSearch_Insert" AFTER INSERT ON "MediaAssets" BEGIN
                    INSERT INTO "MediaAssetTitles" (rowid, "Title") VALUES (new."SearchKey", new."Title");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "MediaAssets_TitleSearch_Update" AFTER UPDATE OF "Title", "SearchKey" ON "MediaAssets" BEGIN
                    DELETE FROM "MediaAssetTitles" WHERE rowid = old."SearchKey";
                    INSERT INTO "MediaAssetTitles" (rowid, "Title") VALUES (new."SearchKey", new."Title");
                END;
                """);
        }

        private static string SecondStart(string createdAtUtc) =>
            $"({KeysStartAt} + (max(coalesce(unixepoch({createdAtUtc}), 0), 0) << 24))";

        // The next free key of the asset's second (16.7 million a second, far more than one ingest writes).
        private static string NextKeyOf(string row) =>
            $"""
            coalesce(
                (SELECT max(o."SearchKey") + 1 FROM "MediaAssets" AS o
                 WHERE o."SearchKey" BETWEEN {SecondStart(row + ".\"CreatedAtUtc\"")} AND {SecondStart(row + ".\"CreatedAtUtc\"")} + 16777215 AND o.rowid <> {row}.rowid),
                {SecondStart(row + ".\"CreatedAtUtc\"")})
            """;
    }
}
