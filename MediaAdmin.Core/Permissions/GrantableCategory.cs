using System.Globalization;

namespace MediaAdmin.Core.Permissions;

/// <summary>
/// A category as the accounts page offers it for grants. Alibaba repeats names under different parents, so a name
/// that other categories share (in any letter case) is told apart by its CateId, both where people read it and in
/// what the page sends.
/// </summary>
public sealed record GrantableCategory(long Id, string Name, bool NameIsShared)
{
    /// <summary>What <see cref="CategoryGrants.ReplaceAsync(string, string, IReadOnlyCollection{string}, CancellationToken)"/> takes for it: its name, or its CateId when the name is shared.</summary>
    public string Key => NameIsShared ? Id.ToString(CultureInfo.InvariantCulture) : Name;

    /// <summary>What a person reads: its name, with its CateId when the name is shared.</summary>
    public string Label => NameIsShared ? string.Create(CultureInfo.InvariantCulture, $"{Name} (CateId {Id})") : Name;
}
