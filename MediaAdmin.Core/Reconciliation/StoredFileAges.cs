using MediaAdmin.Core.Storage;

namespace MediaAdmin.Core.Reconciliation;

internal static class StoredFileAges
{
    /// <summary>How this storage tells file ages: its own implementation, the local-disk adapter, or null when it cannot.</summary>
    public static IStoredFileAges? For(IMediaStorage storage) => storage switch
    {
        IStoredFileAges own => own,
        LocalDiskMediaStorage local => new LocalDiskFileAges(local),
        _ => null,
    };
}
