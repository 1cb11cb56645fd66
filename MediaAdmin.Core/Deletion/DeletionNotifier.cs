namespace MediaAdmin.Core.Deletion;

/// <summary>Assets a request deleted, as open library pages hear of it.</summary>
public sealed record AssetsDeleted(string RequestId, string DeletedBy, IReadOnlyList<string> VideoIds);

/// <summary>
/// Tells every open library page in this process which assets were just deleted, whichever door the
/// deletion came through. Subscribers must not block: the deleting request waits for them.
/// </summary>
public sealed class DeletionNotifier
{
    public event Action<AssetsDeleted>? Deleted;

    internal void Publish(AssetsDeleted deleted) => Deleted?.Invoke(deleted);
}
