using MediaAdmin.Core.Results;

namespace MediaAdmin.Core.Deletion;

/// <summary>An asset picked for deletion, as the selection tray shows it.</summary>
public sealed record SelectedAsset(string Id, string Title, bool CanDelete, string? DeniedReason);

/// <summary>
/// The assets a user has picked for deletion, across pages and searches: at most
/// <see cref="VideoIdList.MaxIds"/>, in the order picked. Adding one more is refused, not truncated.
/// </summary>
public sealed class DeletionSelection
{
    private readonly List<SelectedAsset> _items = [];

    public IReadOnlyList<SelectedAsset> Items => _items;

    public int Count => _items.Count;

    public static int Limit => VideoIdList.MaxIds;

    public bool IsFull => _items.Count >= Limit;

    public string CounterText => $"{_items.Count} / {Limit} selected";

    public bool Contains(string id) => _items.Any(i => i.Id == id);

    /// <summary>Adds an asset, or answers a conflict saying why not when the selection is full (an asset already in it is fine).</summary>
    public Result<Done> TryAdd(SelectedAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (Contains(asset.Id))
        {
            return Result.Ok();
        }

        if (IsFull)
        {
            return Problem.Conflict($"At most {Limit} assets can be deleted at once; remove one from the selection first.");
        }

        _items.Add(asset);
        return Result.Ok();
    }

    public bool Remove(string id) => _items.RemoveAll(i => i.Id == id) > 0;

    /// <summary>Drops the given IDs (deleted meanwhile); returns the ones that were selected.</summary>
    public IReadOnlyList<SelectedAsset> RemoveAll(IEnumerable<string> ids)
    {
        var gone = ids.ToHashSet(StringComparer.Ordinal);
        var removed = _items.Where(i => gone.Contains(i.Id)).ToList();
        _items.RemoveAll(i => gone.Contains(i.Id));
        return removed;
    }

    public void Clear() => _items.Clear();

    /// <summary>The VideoIds parameter for the selection: comma-separated IDs.</summary>
    public string ToVideoIds() => string.Join(",", _items.Select(i => i.Id));
}
