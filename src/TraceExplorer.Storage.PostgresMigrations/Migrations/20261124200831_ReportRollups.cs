using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TraceExplorer.Storage.PostgresMigrations.Migrations
{
    /// <inheritdoc />
    public partial class ReportRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rollup_hours",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MaterializedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_hours", x => x.Hour);
                });

            migrationBuilder.CreateTable(
                name: "rollup_loop_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<string>(type: "text", nullable: false),
                    Hour = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Pattern = table.Column<string>(type: "text", nullable: false),
                    Length = table.Column<int>(type: "integer", nullable: false),
                    StepNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_loop_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_pending",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_pending", x => x.Hour);
                });

            migrationBuilder.CreateTable(
                name: "rollup_tool_repeats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<string>(type: "text", nullable: false),
                    Hour = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ToolName = table.Column<string>(type: "text", nullable: false),
                    ArgumentsHash = table.Column<string>(type: "text", nullable: false),
                    Calls = table.Column<long>(type: "bigint", nullable: false),
                    TotalMs = table.Column<double>(type: "double precision", nullable: false),
                    FastestMs = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_tool_repeats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_tool_usage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ToolName = table.Column<string>(type: "text", nullable: false),
                    Runs = table.Column<long>(type: "bigint", nullable: false),
                    Hour = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AgentName = table.Column<string>(type: "text", nullable: true),
                    Route = table.Column<string>(type: "text", nullable: true),
                    PromptVersion = table.Column<string>(type: "text", nullable: true),
                    PolicyVersion = table.Column<string>(type: "text", nullable: true),
                    ToolContractVersion = table.Column<string>(type: "text", nullable: true),
                    RouteConfigVersion = table.Column<string>(type: "text", nullable: true),
                    Models = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_tool_usage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_validation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchemaName = table.Column<string>(type: "text", nullable: false),
                    Failed = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    Checks = table.Column<long>(type: "bigint", nullable: false),
                    FirstStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Hour = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AgentName = table.Column<string>(type: "text", nullable: true),
                    Route = table.Column<string>(type: "text", nullable: true),
                    PromptVersion = table.Column<string>(type: "text", nullable: true),
                    PolicyVersion = table.Column<string>(type: "text", nullable: true),
                    ToolContractVersion = table.Column<string>(type: "text", nullable: true),
                    RouteConfigVersion = table.Column<string>(type: "text", nullable: true),
                    Models = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_validation", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rollup_loop_steps_Hour",
                table: "rollup_loop_steps",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_tool_repeats_Hour_ToolName",
                table: "rollup_tool_repeats",
                columns: new[] { "Hour", "ToolName" });

            migrationBuilder.CreateIndex(
                name: "IX_rollup_tool_usage_Hour",
                table: "rollup_tool_usage",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_validation_Hour",
                table: "rollup_validation",
                column: "Hour");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rollup_hours");

            migrationBuilder.DropTable(
                name: "rollup_loop_steps");

            migrationBuilder.DropTable(
                name: "rollup_pending");

            migrationBuilder.DropTable(
                name: "rollup_tool_repeats");

            migrationBuilder.DropTable(
                name: "rollup_tool_usage");

            migrationBuilder.DropTable(
                name: "rollup_validation");
        }
    }
}
