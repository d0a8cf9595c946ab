using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TraceExplorer.Storage.PostgresMigrations.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Target = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TraceId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ParentRunId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Relation = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AgentName = table.Column<string>(type: "text", nullable: true),
                    Route = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    StartTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMs = table.Column<double>(type: "double precision", nullable: false),
                    StepCount = table.Column<int>(type: "integer", nullable: false),
                    ToolCallCount = table.Column<int>(type: "integer", nullable: false),
                    ErrorCount = table.Column<int>(type: "integer", nullable: false),
                    InputTokens = table.Column<long>(type: "bigint", nullable: false),
                    OutputTokens = table.Column<long>(type: "bigint", nullable: false),
                    PromptVersion = table.Column<string>(type: "text", nullable: true),
                    PolicyVersion = table.Column<string>(type: "text", nullable: true),
                    ToolContractVersion = table.Column<string>(type: "text", nullable: true),
                    RouteConfigVersion = table.Column<string>(type: "text", nullable: true),
                    Models = table.Column<string>(type: "text", nullable: true),
                    Input = table.Column<string>(type: "text", nullable: true),
                    Output = table.Column<string>(type: "text", nullable: true),
                    EndUserHash = table.Column<string>(type: "text", nullable: true),
                    IsPinned = table.Column<bool>(type: "boolean", nullable: false),
                    PinNote = table.Column<string>(type: "text", nullable: true),
                    PayloadsRemoved = table.Column<bool>(type: "boolean", nullable: false),
                    RedactionCounts = table.Column<string>(type: "text", nullable: true),
                    RootSpanId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RootFailed = table.Column<bool>(type: "boolean", nullable: false),
                    LastStepStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StepIdsFromAgent = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.RunId);
                });

            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaints_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TraceId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SpanId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    PolicyId = table.Column<string>(type: "text", nullable: true),
                    Actor = table.Column<string>(type: "text", nullable: true),
                    Target = table.Column<string>(type: "text", nullable: true),
                    Fingerprint = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decisions_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "runs",
                        principalColumn: "RunId",
                        onDelete: ReferentialAction.Cascade);
                });

            // The step table is partitioned by day of start time (StepPartitions creates the days and drops them for
            // retention); EF cannot express that, so it is written out. The primary key and unique indexes of a
            // partitioned table include the partition key. Rows outside every day's range go to the default partition.
            // The foreign keys to runs are deferrable: a write stores a run's steps before the run's summary row.
            migrationBuilder.Sql("""
                CREATE TABLE steps (
                    "Id" bigint GENERATED BY DEFAULT AS IDENTITY,
                    "TraceId" character varying(32) NOT NULL,
                    "SpanId" character varying(16) NOT NULL,
                    "RunId" character varying(128) NOT NULL,
                    "ParentSpanId" character varying(16),
                    "StepNumber" integer NOT NULL,
                    "Kind" character varying(16) NOT NULL,
                    "Name" text NOT NULL,
                    "StartTime" timestamp with time zone NOT NULL,
                    "DurationMs" double precision NOT NULL,
                    "Status" character varying(8) NOT NULL,
                    "ErrorType" text,
                    "ErrorMessage" text,
                    "ToolName" text,
                    "ToolCallId" text,
                    "ToolArgumentsHash" text,
                    "Model" text,
                    "Provider" text,
                    "Temperature" double precision,
                    "MaxTokens" integer,
                    "InputTokens" bigint,
                    "OutputTokens" bigint,
                    "ValidationSchema" text,
                    "ValidationPassed" boolean,
                    "ValidationFailureReason" text,
                    "AttributesJson" text,
                    "EventsJson" text,
                    CONSTRAINT "PK_steps" PRIMARY KEY ("Id", "StartTime"),
                    CONSTRAINT "FK_steps_runs_RunId" FOREIGN KEY ("RunId") REFERENCES runs ("RunId") ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE
                ) PARTITION BY RANGE ("StartTime");
                CREATE TABLE steps_default PARTITION OF steps DEFAULT;
                ALTER TABLE decisions ALTER CONSTRAINT "FK_decisions_runs_RunId" DEFERRABLE INITIALLY IMMEDIATE;
                ALTER TABLE complaints ALTER CONSTRAINT "FK_complaints_runs_RunId" DEFERRABLE INITIALLY IMMEDIATE;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Time",
                table: "audit_log",
                column: "Time");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_RunId_ExternalId",
                table: "complaints",
                columns: new[] { "RunId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_Fingerprint",
                table: "decisions",
                column: "Fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_Kind_Time",
                table: "decisions",
                columns: new[] { "Kind", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_decisions_RunId_Time",
                table: "decisions",
                columns: new[] { "RunId", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_decisions_Time",
                table: "decisions",
                column: "Time");

            migrationBuilder.CreateIndex(
                name: "IX_runs_AgentName_StartTime",
                table: "runs",
                columns: new[] { "AgentName", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_DurationMs",
                table: "runs",
                column: "DurationMs");

            migrationBuilder.CreateIndex(
                name: "IX_runs_ParentRunId",
                table: "runs",
                column: "ParentRunId");

            migrationBuilder.CreateIndex(
                name: "IX_runs_PolicyVersion_StartTime",
                table: "runs",
                columns: new[] { "PolicyVersion", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_PromptVersion_StartTime",
                table: "runs",
                columns: new[] { "PromptVersion", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_RequestId",
                table: "runs",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_runs_Route_StartTime",
                table: "runs",
                columns: new[] { "Route", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_RouteConfigVersion_StartTime",
                table: "runs",
                columns: new[] { "RouteConfigVersion", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_StartTime",
                table: "runs",
                column: "StartTime");

            migrationBuilder.CreateIndex(
                name: "IX_runs_Status_StartTime",
                table: "runs",
                columns: new[] { "Status", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_ToolContractVersion_StartTime",
                table: "runs",
                columns: new[] { "ToolContractVersion", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_TraceId",
                table: "runs",
                column: "TraceId");

            migrationBuilder.CreateIndex(
                name: "IX_steps_Kind_StartTime",
                table: "steps",
                columns: new[] { "Kind", "StartTime" });

            migrationBuilder.CreateIndex(
                name: "IX_steps_RunId_StepNumber",
                table: "steps",
                columns: new[] { "RunId", "StepNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_steps_ToolCallId",
                table: "steps",
                column: "ToolCallId");

            migrationBuilder.CreateIndex(
                name: "IX_steps_TraceId_SpanId_StartTime",
                table: "steps",
                columns: new[] { "TraceId", "SpanId", "StartTime" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_steps_validation",
                table: "steps",
                columns: new[] { "Kind", "ValidationSchema", "Name", "ValidationPassed", "ValidationFailureReason", "StartTime", "RunId" },
                filter: "\"Kind\" = 'Validate'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "complaints");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "steps");

            migrationBuilder.DropTable(
                name: "runs");
        }
    }
}
