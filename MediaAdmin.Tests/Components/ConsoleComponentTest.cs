using Bunit;
using MediaAdmin.Core.Cdn;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MediaAdmin.Tests.Components;

/// <summary>bUnit with MudBlazor's services and loose JS interop, as MudBlazor's own component tests set up.</summary>
public abstract class ConsoleComponentTest : BunitContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit then finds the context already disposed.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected ConsoleComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddOptions<CdnOptions>();
    }
}
