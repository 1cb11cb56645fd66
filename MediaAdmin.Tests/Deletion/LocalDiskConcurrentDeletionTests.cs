namespace MediaAdmin.Tests.Deletion;

/// <summary>The 16-caller race on a storage folder.</summary>
public sealed class LocalDiskConcurrentDeletionTests : ConcurrentDeletionTests
{
    protected override Dictionary<string, string?> StorageSettings() => [];
}
