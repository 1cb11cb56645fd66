namespace MediaAdmin.Core.Deletion;

/// <summary>The VideoIds parameter of DeleteVideo, parsed: comma-separated, trimmed, empty entries and repeats dropped.</summary>
public sealed class VideoIdList
{
    public const int MaxIds = 20;

    /// <summary>Longer than any ID we issue by far; a longer entry is a client bug worth a clear error.</summary>
    public const int MaxIdLength = 64;

    private VideoIdList(IReadOnlyList<string> ids, DeletionError? error)
    {
        Ids = ids;
        Error = error;
    }

    /// <summary>The distinct IDs in the order first given.</summary>
    public IReadOnlyList<string> Ids { get; }

    public DeletionError? Error { get; }

    public static VideoIdList Parse(string? raw)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in (raw ?? string.Empty).Split(','))
        {
            var id = part.Trim();
            if (id.Length == 0 || !seen.Add(id))
            {
                continue;
            }

            if (id.Length > MaxIdLength || id.Any(char.IsControl))
            {
                return new VideoIdList([], DeletionError.InvalidVideoIds(
                    $"The specified parameter \"VideoIds\" is not valid: each ID must be at most {MaxIdLength} printable characters."));
            }

            ids.Add(id);
            if (ids.Count > MaxIds)
            {
                return new VideoIdList([], DeletionError.VideoIdsExceededMax);
            }
        }

        return ids.Count == 0 ? new VideoIdList([], DeletionError.MissingVideoIds) : new VideoIdList(ids, null);
    }
}
