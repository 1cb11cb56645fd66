using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Sources;

/// <summary>A test class with a remote library of <paramref name="remoteItems"/> generated items and a data folder of its own.</summary>
public abstract class RemoteLibraryTest(int remoteItems) : IAsyncLifetime
{
    protected TempFolder Folder { get; } = new();

    protected RemoteLibrary Remote { get; } = RemoteLibrary.Generated(remoteItems);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Remote.Dispose();
        Folder.Dispose();
        return Task.CompletedTask;
    }
}
