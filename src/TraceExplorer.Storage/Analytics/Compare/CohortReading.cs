namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>How a statement reads <see cref="CohortSql.AppendCohort"/>'s cohort.</summary>
internal enum CohortReading
{
    /// <summary>Once: the database plans it with the rest.</summary>
    Once,

    /// <summary>Several times over: computed once and kept.</summary>
    Shared,

    /// <summary>By each of several readers in duration order from a bound: inlined into each, through the duration index.</summary>
    ByDuration,
}
