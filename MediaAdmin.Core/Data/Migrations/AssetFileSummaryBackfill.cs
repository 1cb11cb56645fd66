namespace MediaAdmin.Core.Data.Migrations;

/// <summary>
/// The data step of the AssetFileSummary migration: fills <see cref="Library.MediaAsset.FileCount"/> and
/// <see cref="Library.MediaAsset.CdnReminderUrls"/> for the assets that exist when it runs, with the rule of
/// <see cref="Deletion.CdnReminderUrls"/>: a segment (.m4s, .ts) becomes its folder's URL, and so does any other
/// file in a segment folder except a playlist (the init segment); every other file stays listed. Kept outside the
/// generated migration so a regenerated one calls it again. An asset it misses keeps nulls, which a deletion
/// summarises from the file rows.
/// </summary>
internal static class AssetFileSummaryBackfill
{
    // A URL's last segment holds only letters, digits, '-', '_' and '.', so trimming those leaves its folder; in a join
    // with the segment folders, "CdnUrl" can only be the file's.
    private const string SqliteFolder = """rtrim("CdnUrl", '0123456789.-_sgemtipnxabcdfhjkloqruvwyzABCDEFGHIJKLMNOPQRSTUVWXYZ')""";

    private const string SqliteIsSegment = """(lower(substr("CdnUrl", -4)) = '.m4s' OR lower(substr("CdnUrl", -3)) = '.ts')""";

    public const string Sqlite = $"""
        UPDATE "MediaAssets" SET "FileCount" = s."Files", "CdnReminderUrls" = s."Urls"
        FROM (
            SELECT "AssetId", SUM("Files") AS "Files", group_concat("Url", char(10)) AS "Urls"
            FROM (
                SELECT "AssetId", "Url", COUNT(*) AS "Files"
                FROM (
                    SELECT f."AssetId",
                        CASE WHEN sf."Folder" IS NOT NULL AND lower(substr(f."CdnUrl", -5)) <> '.m3u8' THEN sf."Folder" ELSE f."CdnUrl" END AS "Url"
                    FROM "MediaFiles" AS f
                    LEFT JOIN (
                        SELECT DISTINCT "AssetId", {SqliteFolder} AS "Folder" FROM "MediaFiles" WHERE {SqliteIsSegment}
                    ) AS sf ON sf."AssetId" = f."AssetId" AND sf."Folder" = {SqliteFolder}
                ) AS collapsed
                GROUP BY "AssetId", "Url"
            ) AS distinctUrls
            GROUP BY "AssetId"
        ) AS s
        WHERE s."AssetId" = "MediaAssets"."Id";
        UPDATE "MediaAssets" SET "FileCount" = 0, "CdnReminderUrls" = '' WHERE "FileCount" IS NULL;
        """;

    private const string SqlServerFolder = """LEFT([CdnUrl], LEN([CdnUrl]) - CHARINDEX('/', REVERSE([CdnUrl])) + 1)""";

    private const string SqlServerIsSegment = """(LOWER(RIGHT([CdnUrl], 4)) = '.m4s' OR LOWER(RIGHT([CdnUrl], 3)) = '.ts')""";

    public const string SqlServer = $"""
        UPDATE a SET a.[FileCount] = s.[Files], a.[CdnReminderUrls] = s.[Urls]
        FROM [MediaAssets] AS a
        JOIN (
            SELECT [AssetId], SUM([Files]) AS [Files], STRING_AGG(CAST([Url] AS nvarchar(max)), CHAR(10)) AS [Urls]
            FROM (
                SELECT [AssetId], [Url], COUNT(*) AS [Files]
                FROM (
                    SELECT f.[AssetId],
                        CASE WHEN sf.[Folder] IS NOT NULL AND LOWER(RIGHT(f.[CdnUrl], 5)) <> '.m3u8' THEN sf.[Folder] ELSE f.[CdnUrl] END AS [Url]
                    FROM [MediaFiles] AS f
                    LEFT JOIN (
                        SELECT DISTINCT [AssetId], {SqlServerFolder} AS [Folder] FROM [MediaFiles] WHERE {SqlServerIsSegment}
                    ) AS sf ON sf.[AssetId] = f.[AssetId] AND sf.[Folder] = {SqlServerFolder}
                ) AS collapsed
                GROUP BY [AssetId], [Url]
            ) AS distinctUrls
            GROUP BY [AssetId]
        ) AS s ON s.[AssetId] = a.[Id];
        UPDATE [MediaAssets] SET [FileCount] = 0, [CdnReminderUrls] = N'' WHERE [FileCount] IS NULL;
        """;
}
