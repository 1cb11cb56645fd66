namespace MediaAdmin.Tests.Support;

/// <summary>
/// Browser test classes run one after another: a console and a Chromium per class, side by side on two
/// shared cores, can make a page load miss its 15 s timeout. Each class still shares its own console and browser.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup
{
    public const string Name = "Browser";
}
