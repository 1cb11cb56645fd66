using Bunit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Cdn.Purge;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace MediaAdmin.Tests.Components;

/// <summary>bUnit with MudBlazor's services and loose JS interop, as MudBlazor's own component tests set up.</summary>
public abstract class ConsoleComponentTest : BunitContext, IAsyncLifetime
{
    protected ConsoleComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddOptions<CdnOptions>();
        Services.AddOptions<CdnPurgeOptions>();
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    // MudBlazor registers services that only dispose asynchronously; xunit then finds the context already disposed.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await StopAsync();
    }

    /// <summary>Starts what the test class needs beside bUnit, before each test.</summary>
    protected virtual Task StartAsync() => Task.CompletedTask;

    /// <summary>Stops it, after bUnit's renderer is gone.</summary>
    protected virtual Task StopAsync() => Task.CompletedTask;

    /// <summary>The providers MudBlazor's popovers, dialogs and snackbars render into, as MainLayout has them.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }
}
