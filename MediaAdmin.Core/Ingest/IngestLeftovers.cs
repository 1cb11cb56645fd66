using MediaAdmin.Core.Storage;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.Ingest;

/// <summary>Removes files under an asset's prefix that an attempt wrote but never committed.</summary>
internal sealed partial class IngestLeftovers(IMediaStorage storage, ILogger<IngestLeftovers> logger)
{
    /// <summary>Removes every file under <c>media/{assetId}/</c> that <paramref name="keep"/> does not claim; failures are logged.</summary>
    public async Task RemoveAllButAsync(string assetId, Func<string, bool> keep)
    {
        var leftovers = new List<StorageKey>();
        await foreach (var key in storage.ListAsync($"media/{assetId}", CancellationToken.None))
        {
            if (!keep(key.Value))
            {
                leftovers.Add(key);
            }
        }

        if (leftovers.Count == 0)
        {
            return;
        }

        foreach (var (key, error) in await storage.DeleteManyAsync(leftovers, CancellationToken.None))
        {
            LogRemovalFailed(logger, error, key.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest could not remove {StorageKey}")]
    private static partial void LogRemovalFailed(ILogger logger, Exception error, string storageKey);
}
