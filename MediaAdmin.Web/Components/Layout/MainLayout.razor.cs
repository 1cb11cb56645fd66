using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace MediaAdmin.Web.Components.Layout;

/// <summary>The console's frame: the app bar with the account, the navigation drawer and the page.</summary>
public sealed partial class MainLayout : IDisposable
{
    // Buttons' contents as one markup frame each: the layout's frames are held twice per open page.
    private static readonly MarkupString MenuLabel = new($"""<span class="mud-icon-button-label">{MudIconMarkup.Svg(Icons.Material.Filled.Menu)}</span>""");
    private static readonly MarkupString AccountLabel = new($"""<span class="mud-icon-button-label">{MudIconMarkup.Svg(Icons.Material.Filled.AccountCircle)}</span>""");
    private static readonly MarkupString SignOutLabel = new(
        $"""<span class="mud-button-label"><span class="mud-button-icon-start mud-button-icon-size-medium">{MudIconMarkup.Svg(Icons.Material.Filled.Logout)}</span>Sign out</span>""");

    private bool _dockedClosed;
    private bool _overlayOpen;
    private ClaimsPrincipal? _user;
    private AntiforgeryRequestToken? _antiforgery;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private AntiforgeryStateProvider Antiforgery { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private string LayoutClasses =>
        "mud-layout console-layout" + (_dockedClosed ? " console-docked-closed" : "") + (_overlayOpen ? " console-overlay-open" : "");

    protected override void OnInitialized()
    {
        _antiforgery = Antiforgery.GetAntiforgeryToken();
        Navigation.LocationChanged += CloseOverlayOnNavigation;
    }

    protected override async Task OnParametersSetAsync() =>
        _user = AuthenticationState is null ? null : (await AuthenticationState).User;

    private void Toggle(bool docked)
    {
        if (docked)
        {
            _dockedClosed = !_dockedClosed;
        }
        else
        {
            _overlayOpen = !_overlayOpen;
        }
    }

    private void CloseOverlay() => _overlayOpen = false;

    // Choosing a link closes the drawer over the content, as MudDrawer did below its breakpoint; a docked one stays.
    private void CloseOverlayOnNavigation(object? sender, LocationChangedEventArgs e) =>
        _ = InvokeAsync(() =>
        {
            if (_overlayOpen)
            {
                _overlayOpen = false;
                StateHasChanged();
            }
        });

    public void Dispose() => Navigation.LocationChanged -= CloseOverlayOnNavigation;
}
