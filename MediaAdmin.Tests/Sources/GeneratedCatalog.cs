using System.Collections;
using System.Globalization;

namespace MediaAdmin.Tests.Sources;

/// <summary>
/// A remote library of <see cref="Count"/> deterministic items, each made from its index when asked for, so even
/// 100,000 of them cost no memory: every tenth is audio, statuses and categories cycle, IDs are 32 hex digits.
/// </summary>
public sealed class GeneratedCatalog(int count) : IReadOnlyList<CatalogVideo>
{
    private static readonly string[] Statuses = ["Normal", "Normal", "Normal", "Transcoding", "UploadSucc", "Checking", "Blocked"];
    private static readonly string[] Categories = ["News", "Sports", "Music", "Education", "Documentary"];
    private static readonly DateTime Epoch = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public int Count => count;

    public CatalogVideo this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            var created = Epoch.AddMinutes(index);
            var category = index % Categories.Length;
            return new CatalogVideo(
                IdOf(index),
                IsAudio: index % 10 == 9,
                string.Create(CultureInfo.InvariantCulture, $"Remote clip {index:000000}"),
                Statuses[index % Statuses.Length],
                Duration: 30 + (index % 600),
                Size: 1_000_000L + (index * 7919L % 50_000_000L),
                CateId: 1000 + category,
                Categories[category],
                created,
                created.AddHours(1));
        }
    }

    /// <summary>The index leads, so the first 15 digits (the mirror's search key) differ for every item.</summary>
    public static string IdOf(int index) => string.Create(CultureInfo.InvariantCulture, $"{index:x15}{(uint)(index * 2654435761u):x8}abcdef012");

    public IEnumerator<CatalogVideo> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
