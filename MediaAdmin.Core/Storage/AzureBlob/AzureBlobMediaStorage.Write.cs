using System.Buffers;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace MediaAdmin.Core.Storage.AzureBlob;

/// <summary>Writing a blob: whole in one request, or staged block by block and committed last.</summary>
public sealed partial class AzureBlobMediaStorage
{
    /// <summary>
    /// Content that fits in one block goes up in one request, which the service applies whole or not at all;
    /// larger content is staged block by block and committed last. Staged blocks are invisible, and the
    /// service discards them when they are never committed, so until the commit the key shows what it did before.
    /// </summary>
    public async Task WriteAsync(StorageKey key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blob = _container.GetBlockBlobClient(key.Value);
        var writeId = Guid.NewGuid().ToString("N");
        var blockIds = new List<string>();
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            while (true)
            {
                var filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, cancellationToken);
                if (filled < BlockSize && blockIds.Count == 0)
                {
                    using var whole = new MemoryStream(buffer, 0, filled, writable: false);
                    await GuardAsync(() => blob.UploadAsync(whole, new BlobUploadOptions(), cancellationToken));
                    return;
                }

                if (filled == 0)
                {
                    break;
                }

                var blockId = BlockId(writeId, blockIds.Count);
                using var block = new MemoryStream(buffer, 0, filled, writable: false);
                await GuardAsync(() => blob.StageBlockAsync(blockId, block, new BlockBlobStageBlockOptions(), cancellationToken));
                blockIds.Add(blockId);
            }

            cancellationToken.ThrowIfCancellationRequested();
            await GuardAsync(() => blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions(), cancellationToken));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Block IDs must be base64 of equal length within a blob; the write's own ID keeps racing writes apart.</summary>
    private static string BlockId(string writeId, int index) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"{writeId}-{index:D6}"));
}
