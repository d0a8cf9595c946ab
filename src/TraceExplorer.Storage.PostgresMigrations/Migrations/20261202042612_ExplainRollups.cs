using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TraceExplorer.Storage.PostgresMigrations.Migrations
{
    /// <inheritdoc />
    public partial class ExplainRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hours rolled up before explain had its rollups are rolled up again (explain reads their runs meanwhile).
            migrationBuilder.Sql("DELETE FROM rollup_hours;");

            migrationBuilder.CreateTable(
                name: "rollup_decision_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Dimension = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false),
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
                    table.PrimaryKey("PK_rollup_decision_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_failed_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<string>(type: "text", nullable: false),
                    Hour = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StepNumber = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    ErrorType = table.Column<string>(type: "text", nullable: true),
                    DurationMs = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_failed_steps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rollup_decision_runs_Hour",
                table: "rollup_decision_runs",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_failed_steps_Hour",
                table: "rollup_failed_steps",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_failed_steps_RunId",
                table: "rollup_failed_steps",
                column: "RunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rollup_decision_runs");

            migrationBuilder.DropTable(
                name: "rollup_failed_steps");
        }
    }
}
