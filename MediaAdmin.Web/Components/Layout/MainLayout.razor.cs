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
    private static readonly MarkupString MenuIcon = MudIconMarkup.Svg(Icons.Material.Filled.Menu);
    private static readonly MarkupString AccountIcon = MudIconMarkup.Svg(Icons.Material.Filled.AccountCircle);
    private static readonly MarkupString LogoutIcon = MudIconMarkup.Svg(Icons.Material.Filled.Logout);

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
