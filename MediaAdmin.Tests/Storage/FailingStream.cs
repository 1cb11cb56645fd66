namespace MediaAdmin.Tests.Storage;

/// <summary>
/// Content that breaks off after <paramref name="failAfter"/> bytes, as an upload cut by a dropped connection:
/// the next read throws, or with <paramref name="cancel"/> given, that source is cancelled there instead.
/// </summary>
public sealed class FailingStream(byte[] content, int failAfter, CancellationTokenSource? cancel = null) : MemoryStream(content, writable: false)
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var allowed = (int)Math.Min(buffer.Length, failAfter - Position);
        if (allowed > 0)
        {
            return await base.ReadAsync(buffer[..allowed], cancellationToken);
        }

        if (cancel is null)
        {
            throw new IOException($"simulated connection drop after {failAfter} bytes");
        }

        await cancel.CancelAsync();
        throw new OperationCanceledException(cancel.Token);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
