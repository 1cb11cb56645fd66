namespace MediaAdmin.Core.Library;

/// <summary>
/// A page of the library. <see cref="TotalCount"/> is exact up to <see cref="CountCap"/>; past that
/// it is capped (shown as "10,000+"), so counting never walks a million rows.
/// </summary>
public sealed record LibraryResult(IReadOnlyList<LibraryRow> Rows, int TotalCount, bool CountIsCapped)
{
    public const int CountCap = 10_000;
}
