using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Library;

/// <summary>
/// Title search by words, each matched as a prefix. On SQLite through the FTS5 table MediaAssetTitles, kept
/// by triggers and keyed by <see cref="MediaAsset.SearchKey"/>, which the database gives in creation order
/// (see the TitleSearchInCreationOrder migration); on SQL Server with LIKE.
/// </summary>
internal sealed class TitleSearch
{
    public const int MaxWords = 8;

    /// <summary>Low bits of a key: its place among the assets created in the same second; the bits above count seconds.</summary>
    private const int SequenceBits = 24;

    /// <summary>More index terms than this under one word are searched as a prefix, which reads every match.</summary>
    private const int MaxTermsPerWord = 16;

    private readonly MediaDbContext _db;
    private readonly IReadOnlyList<string> _words;
    private readonly string _match;

    private TitleSearch(MediaDbContext db, IReadOnlyList<string> words, string match)
    {
        _db = db;
        _words = words;
        _match = match;
    }

    public bool HasWords => _words.Count > 0;

    /// <summary>Whether the index's keys follow creation time, so newest or oldest first can walk them and stop.</summary>
    public bool KeysFollowCreation => _db is SqliteMediaDbContext;

    public static IReadOnlyList<string> Words(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? []
            : search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => new string(w.Where(c => char.IsLetterOrDigit(c)).ToArray()))
                .Where(w => w.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(MaxWords)
                .ToList();

    public static async Task<TitleSearch> ForAsync(MediaDbContext db, string? search, CancellationToken cancellationToken)
    {
        var words = Words(search);
        var match = new List<string>();
        if (db is SqliteMediaDbContext)
        {
            foreach (var word in words)
            {
                match.Add(await MatchOfAsync(db, word, cancellationToken));
            }
        }

        return new TitleSearch(db, words, string.Join(" AND ", match));
    }

    /// <summary>Every asset whose title has all the words.</summary>
    public IQueryable<MediaAsset> Apply(IQueryable<MediaAsset> assets)
    {
        if (KeysFollowCreation)
        {
            var keys = Keys(long.MinValue, long.MaxValue);
            return assets.Where(a => keys.Contains(a.SearchKey));
        }

        foreach (var word in _words)
        {
            var pattern = "%" + word + "%";
            assets = assets.Where(a => EF.Functions.Like(a.Title, pattern));
        }

        return assets;
    }

    /// <summary>
    /// The matching assets among which the first <paramref name="rows"/> in creation order are, when only
    /// the words narrow the library: found by walking the index in key order and stopping at the
    /// <paramref name="rows"/>th match. Keys order assets by the second they were created in, not within
    /// it, so the whole second of that last match is kept: sorting these few then gives exactly the order
    /// sorting every match would.
    /// </summary>
    public async Task<IQueryable<MediaAsset>> FirstInCreationOrderAsync(IQueryable<MediaAsset> assets, bool newestFirst, int rows, CancellationToken cancellationToken)
    {
        // Raw SQL, because EF wraps the key in a CAST that stops SQLite from walking the index in order.
        var last = await (newestFirst
                ? _db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"MediaAssetTitles\" WHERE \"MediaAssetTitles\" MATCH {_match} ORDER BY rowid DESC LIMIT 1 OFFSET {rows - 1}")
                : _db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"MediaAssetTitles\" WHERE \"MediaAssetTitles\" MATCH {_match} ORDER BY rowid LIMIT 1 OFFSET {rows - 1}"))
            .ToListAsync(cancellationToken);
        if (last.Count == 0)
        {
            return Apply(assets);
        }

        var secondStart = last[0] >> SequenceBits << SequenceBits;
        var keys = newestFirst ? Keys(secondStart, long.MaxValue) : Keys(long.MinValue, secondStart + (1L << SequenceBits) - 1);
        return assets.Where(a => keys.Contains(a.SearchKey));
    }

    /// <summary>
    /// How many assets match, counting at most <paramref name="cap"/>; ordered only so the cap is well
    /// defined. On SQLite the index alone answers when only the words narrow the library.
    /// </summary>
    public async Task<int> CountAsync(IQueryable<MediaAsset> assets, bool narrowedBeyondWords, int cap, CancellationToken cancellationToken)
    {
        if (!KeysFollowCreation || narrowedBeyondWords)
        {
            return await Apply(assets).OrderBy(a => a.CreatedAtUtc).Take(cap).CountAsync(cancellationToken);
        }

        var counted = await _db.Database.SqlQuery<int>(
                $"SELECT count(*) AS \"Value\" FROM (SELECT rowid FROM \"MediaAssetTitles\" WHERE \"MediaAssetTitles\" MATCH {_match} ORDER BY rowid DESC LIMIT {cap})")
            .ToListAsync(cancellationToken);
        return counted[0];
    }

    private IQueryable<long> Keys(long from, long to) => _db.Database.SqlQuery<long>(
        $"SELECT rowid AS \"Value\" FROM \"MediaAssetTitles\" WHERE \"MediaAssetTitles\" MATCH {_match} AND rowid >= {from} AND rowid <= {to}");

    /// <summary>
    /// One word as FTS5 matches it. FTS5 answers a prefix query ("brief"*) only after reading every match,
    /// so an ASCII word becomes the few index terms it is a prefix of ("briefing" OR "briefings"), which it
    /// walks in key order and can stop. Quoted, so no FTS operator gets through.
    /// </summary>
    private static async Task<string> MatchOfAsync(MediaDbContext db, string word, CancellationToken cancellationToken)
    {
        static string Quoted(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        if (!word.All(char.IsAsciiLetterOrDigit))
        {
            return Quoted(word) + "*";
        }

        var from = word.ToLowerInvariant();
        var until = from[..^1] + (char)(from[^1] + 1);
        var terms = await db.Database.SqlQuery<string>($"""
            WITH RECURSIVE "Terms"("Term", "Count") AS (
                SELECT (SELECT "term" FROM "MediaAssetTitleTerms" WHERE "term" >= {from} AND "term" < {until} LIMIT 1), 1
                UNION ALL
                SELECT (SELECT "term" FROM "MediaAssetTitleTerms" WHERE "term" >= "Terms"."Term" || char(1) AND "term" < {until} LIMIT 1), "Count" + 1
                FROM "Terms" WHERE "Terms"."Term" IS NOT NULL AND "Count" <= {MaxTermsPerWord})
            SELECT "Term" AS "Value" FROM "Terms" WHERE "Term" IS NOT NULL
            """).ToListAsync(cancellationToken);
        return terms.Count is > 0 and <= MaxTermsPerWord ? "(" + string.Join(" OR ", terms.Select(Quoted)) + ")" : Quoted(word) + "*";
    }
}
