import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadAutomation,
  registerPreview
} from "./chunk-6WBKM2VG.js";
import {
  conclusionOf,
  defaultCheckName,
  markdownText,
  postCheckRun,
  redact,
  summaryOf,
  undeclaredNote,
  upsertComment
} from "./chunk-HZNHTKT5.js";
import {
  LookupError,
  lookupTarget,
  resolveImage
} from "./chunk-6XBNFR7S.js";
import {
  pluginDir,
  pluginName
} from "./chunk-4JFV4HSO.js";
import {
  isYamlProject
} from "./chunk-Q7ESXLQ3.js";
import {
  loggedChange
} from "./chunk-UPQKETR3.js";
import {
  componentToken,
  configKeys,
  idNames,
  instanceKey,
  kindOfType,
  legacyTypeToken,
  packageName,
  typeToken
} from "./chunk-37CEI6GO.js";
import {
  UsageError,
  cloudSession,
  isUnusableInput,
  readOverrides,
  registerPolicy,
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-LJL5RMXV.js";
import {
  essential
} from "./chunk-YCMZDLS2.js";
import {
  decidePlan,
  tpoRelease,
  tpoResources
} from "./chunk-DUWL2BZX.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-62CAMSCM.js";
import {
  Session
} from "./chunk-XLIOZ4WR.js";
import {
  PolicyEngine,
  formatDecision
} from "./chunk-23GM6L4P.js";
import {
  buildAuditEnvelope,
  channelPattern,
  compareVersions,
  familyKey,
  lineImages,
  versionText
} from "./chunk-JZW3ABCF.js";
import {
  PolicyDataError,
  PolicyEvaluationError,
  loadPolicyData,
  parseOverride,
  policyDataVariable,
  policyDifferences,
  require_dist
} from "./chunk-AP7GKTRD.js";
import {
  applyStoreResource,
  checkImageInputs,
  checkStoreInputs,
  creationMark,
  deleteStoreResource,
  diffImage,
  flag,
  fragmentFile,
  getImage,
  hasMarkOutput,
  identityRoot,
  imageDocument,
  imageDrift,
  imageInputsFromLive,
  isDate,
  isForbidden,
  isNotFound,
  isUndeclaredProperty,
  kindDescriptors,
  kinds,
  listStoresDetail,
  markOutput,
  membersOfImages,
  newInstanceKey,
  parseStoreFragment,
  projectAjv,
  readStoreFragment,
  renderStoreFragment,
  resourceSchema,
  snapshotImages,
  storeOwner,
  utcToday
} from "./chunk-AUYGMNHL.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-UXAMSLRZ.js";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag2) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag2.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag2, candidateFlags);
        }
        const message = `error: unknown option '${flag2}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text2 = helper.formatHelp(this, helper);
        if (context.hasColors) return text2;
        return this._outputConfiguration.stripColor(text2);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text2) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text2 === "function") {
            helpStr = text2({ error: context.error, command: context.command });
          } else {
            helpStr = text2;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// provider/cli/main.ts
import { readFileSync as readFileSync13 } from "node:fs";

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// provider/cli/adopt.ts
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

// provider/client/identity.ts
async function projectsWithRoles(session, roleNames) {
  const root = identityRoot(session.config.authUrl);
  const projects = /* @__PURE__ */ new Set();
  try {
    for (const name of roleNames) {
      const roles = await session.request({ method: "GET", url: `${root}/roles?name=${encodeURIComponent(name)}`, ok: [200] });
      for (const role of JSON.parse(roles.text).roles) {
        const url = `${root}/role_assignments?effective&role.id=${encodeURIComponent(role.id)}`;
        const assigned = await session.request({ method: "GET", url, ok: [200] });
        for (const a of JSON.parse(assigned.text).role_assignments) {
          const project = a.scope?.project?.id;
          if (project !== void 0) projects.add(project);
        }
      }
    }
  } catch (err) {
    if (isForbidden(err)) return void 0;
    throw err;
  }
  return [...projects].sort();
}

// provider/policy/audit.ts
function findingsOf(decision, images) {
  const byKey = /* @__PURE__ */ new Map();
  for (const v of decision.violations) {
    const doc = images.get(v.address);
    if (doc === void 0) {
      throw new PolicyEvaluationError(`the audit could not be decided: ${v.rule} ${v.address} ${v.field}: ${v.message}`);
    }
    const key = `${v.address}\0${v.rule}`;
    let finding = byKey.get(key);
    if (finding === void 0) {
      finding = { image: audited(doc), rule: v.rule, level: v.level, problems: [], remediation: v.remediation };
      byKey.set(key, finding);
    }
    if (v.level === "mandatory") finding.level = "mandatory";
    finding.problems.push({ field: v.field, message: v.message });
  }
  const order = (f) => f.level === "mandatory" ? 0 : 1;
  return [...byKey.values()].sort(
    (a, b) => order(a) - order(b) || (a.image.name ?? "").localeCompare(b.image.name ?? "") || a.image.id.localeCompare(b.image.id) || a.rule.localeCompare(b.rule)
  );
}
function audited(doc) {
  const text2 = (key) => typeof doc[key] === "string" ? doc[key] : "";
  return {
    id: text2("id"),
    name: typeof doc["name"] === "string" ? doc["name"] : null,
    owner: text2("owner"),
    visibility: text2("visibility")
  };
}
function judgeCatalog(engine, principal, documents, scope, today) {
  const envelope = buildAuditEnvelope(principal, documents, scope, today);
  const decision = engine.decide(envelope);
  const byId = /* @__PURE__ */ new Map();
  for (const doc of documents) if (typeof doc["id"] === "string") byId.set(doc["id"], doc);
  const judged = scope.owner === void 0 ? documents.length : documents.filter((d) => d["owner"] === scope.owner).length;
  return { findings: findingsOf(decision, byId), judged };
}
async function acceptedMembers(session, images) {
  const candidates = images.filter((i) => i["visibility"] === "shared" && i["os_hidden"] !== true && i["deprecated"] === "true");
  const accepted = {};
  for (const [id, members] of await membersOfImages(
    session,
    candidates.map((i) => i.id)
  )) {
    const ids = members.filter((m) => m.status === "accepted").map((m) => m.member_id);
    if (ids.length > 0) accepted[id] = ids.sort();
  }
  return accepted;
}
async function auditCatalog(session, options = {}) {
  const engine = await PolicyEngine.load({ overrides: options.overrides ?? [] });
  const today = options.today ?? utcToday();
  const adminRoles = engine.data.image_catalog["public_visibility"].admin_roles;
  const [principal, images, adminProjects] = await Promise.all([
    session.identity(),
    snapshotImages(session, options.pageSize ?? 1e3),
    projectsWithRoles(session, adminRoles)
  ]);
  const documents = images.map(imageDocument);
  const token = await session.token();
  const owner = options.owner !== void 0 && options.owner === token.projectName ? token.projectId : options.owner;
  const scope = {
    ...owner === void 0 ? {} : { owner },
    ...adminProjects === void 0 ? {} : { admin_projects: adminProjects },
    accepted_members: await acceptedMembers(session, images)
  };
  const { findings, judged } = judgeCatalog(engine, principal, documents, scope, today);
  const notes = [
    ...adminProjects === void 0 ? [
      `public images were not judged by owner: listing Keystone's role assignments needs an admin (roles ${adminRoles.join(", ")}); audit with an admin's cloud to judge them`
    ] : [],
    ...owner !== void 0 && judged === 0 ? [`no image this cloud sees has owner ${owner}: --owner takes a project id (openstack project show NAME -f value -c id)`] : []
  ];
  return {
    today,
    images: documents.length,
    judged,
    owner,
    adminProjects,
    findings,
    notes,
    levels: Object.fromEntries(
      Object.entries(engine.data.image_catalog["rules"]).map(([rule, { level }]) => [rule, level])
    ),
    snapshot: images
  };
}

// provider/cli/adopt-line.ts
var importedSource = { imported: true };
var derived = /* @__PURE__ */ new Set(["os_distro", "os_version", "deprecated", "superseded_by"]);
function groupFamilies(images) {
  const families = /* @__PURE__ */ new Map();
  const others = [];
  for (const image of images) {
    const { key, version } = familyKey(image.live.name ?? "");
    if (version === void 0) others.push(image);
    else families.set(key, [...families.get(key) ?? [], image]);
  }
  return { families, others };
}
function shown(value) {
  return value === void 0 || value === null ? "unset" : JSON.stringify(value);
}
function ordered(inputs) {
  const properties = inputs["properties"] ?? {};
  return {
    ...inputs,
    properties: Object.fromEntries(
      Object.keys(properties).sort().map((k) => [k, properties[k]])
    )
  };
}
function proposeLine(family, images, today) {
  const byVersion = /* @__PURE__ */ new Map();
  for (const image of images) {
    const version = versionText(image.live.name ?? "");
    const twice = byVersion.get(version);
    if (twice !== void 0)
      return { family, images, reason: `version ${version} is held by two images (${twice.live.id}, ${image.live.id})` };
    byVersion.set(version, image);
  }
  const no = (reason) => ({ family, images, reason });
  const propertiesOf = (image) => imageInputsFromLive(image.live)["properties"] ?? {};
  const first = images[0];
  if (first === void 0) return no("no image");
  const os = propertiesOf(first)["os_distro"];
  const osVersion = propertiesOf(first)["os_version"];
  if (os === void 0 || osVersion === void 0 || !family.startsWith(`${os}-${osVersion}-`))
    return no(
      `a line's name is <os_distro>-<os_version>-<profile>: ${first.live.name ?? ""} has os_distro ${shown(os)} and os_version ${shown(osVersion)}`
    );
  for (const image of images) {
    const properties = propertiesOf(image);
    if (properties["os_distro"] !== os || properties["os_version"] !== osVersion)
      return no(
        `${image.live.name ?? ""} has os_distro ${shown(properties["os_distro"])} and os_version ${shown(properties["os_version"])}, ${first.live.name ?? ""} ${shown(os)} and ${shown(osVersion)}`
      );
  }
  const profile = family.slice(`${os}-${osVersion}-`.length);
  const visibility = first.live["visibility"];
  if (visibility !== "shared" && visibility !== "community" && visibility !== "public")
    return no(`${first.live.name ?? ""} is ${String(visibility)}: a line's versions are published (shared, community or public)`);
  const other = images.find((i) => i.live["visibility"] !== visibility);
  if (other !== void 0)
    return no(
      `${other.live.name ?? ""} is ${String(other.live["visibility"])}, ${first.live.name ?? ""} ${visibility}: a line's versions share one visibility`
    );
  const shared = {};
  for (const [key, value] of Object.entries(propertiesOf(first)))
    if (!derived.has(key) && key !== "provided_until" && key !== "image_build_date" && images.every((i) => propertiesOf(i)[key] === value))
      shared[key] = value;
  const order = (a, b) => compareVersions(familyKey(`${family}-v${a}`).version ?? ["0", "0"], familyKey(`${family}-v${b}`).version ?? ["0", "0"]);
  const newer = (a, b) => order(a, b) > 0;
  const channels2 = {};
  let latest;
  for (const [version, image] of byVersion)
    for (const tag of image.live["tags"] ?? []) {
      if (!tag.startsWith(`${family}@`)) continue;
      const channel = tag.slice(family.length + 1);
      if (channel === "latest") latest = version;
      else if (channels2[channel] !== void 0) return no(`channel ${channel} is on two versions (${channels2[channel]}, ${version})`);
      else channels2[channel] = version;
    }
  const versions = [...byVersion].sort(([a], [b]) => order(a, b)).map(([version, image]) => {
    const properties = propertiesOf(image);
    const own = Object.fromEntries(
      Object.entries(properties).filter(
        ([key]) => !derived.has(key) && shared[key] === void 0 && !(key === "provided_until" && isDate(properties[key] ?? "")) && !(key === "image_build_date" && isDate(properties[key] ?? ""))
      )
    );
    const minDisk = Number(image.live["min_disk"] ?? 0);
    const minRam = Number(image.live["min_ram"] ?? 0);
    const endOfLife = properties["provided_until"];
    const buildDate = properties["image_build_date"];
    return {
      version,
      source: importedSource,
      importId: image.live.id,
      ...typeof image.live["disk_format"] === "string" && image.live["disk_format"] !== "qcow2" ? { diskFormat: image.live["disk_format"] } : {},
      ...minDisk > 0 ? { minDisk } : {},
      ...minRam > 0 ? { minRam } : {},
      ...endOfLife !== void 0 && isDate(endOfLife) ? { endOfLife } : {},
      ...buildDate !== void 0 && isDate(buildDate) ? { buildDate } : {},
      ...image.live.status === "deactivated" ? { revoked: true } : {},
      ...Object.keys(own).length > 0 ? { properties: own } : {}
    };
  });
  const withLatest = versions.map((v) => latest === void 0 || newer(v.version, latest) ? { ...v, excludeFromLatest: true } : v);
  const consumerIds = [...new Set(images.flatMap((i) => i.members.map((m) => m.member_id)))].sort();
  const consumers = consumerIds.map((projectId) => ({
    projectId,
    name: projectId.slice(0, 8),
    statuses: Object.fromEntries(
      [...byVersion].flatMap(([version, image]) => {
        const member = image.members.find((m) => m.member_id === projectId);
        return member === void 0 ? [] : [[version, member.status]];
      })
    )
  }));
  const line = {
    name: family,
    os,
    osVersion,
    profile,
    versions: withLatest,
    ...visibility === "shared" ? {} : { visibility },
    ...Object.keys(shared).length > 0 ? { properties: shared } : {},
    ...images.some((i) => i.live["protected"] === true) ? { isProtected: true } : {},
    ...Object.keys(channels2).length > 0 ? { channels: channels2 } : {},
    consumers
  };
  let plan;
  try {
    plan = lineImages(family, line, today);
  } catch (err) {
    return no(err.message);
  }
  for (const declared of plan.images) {
    const image = byVersion.get(declared.version);
    const name = image.live.name ?? "";
    const live = checkImageInputs(name, ordered({ ...imageInputsFromLive(image.live), source: importedSource }));
    const proposed = checkImageInputs(name, ordered(declared.fields));
    const diff = diffImage(live, proposed);
    const changed = [...diff.replaces, ...diff.updates];
    if (changed.length > 0) {
      const field = changed[0];
      const was = new Map(Object.entries(live)).get(field);
      const would = new Map(Object.entries(proposed)).get(field);
      const detail = field === "properties" ? Object.keys({ ...was, ...would }).filter((k) => was[k] !== would[k]).map((k) => `${k} ${shown(was[k])} -> ${shown(would[k])}`).join(", ") : `${shown(was)} -> ${shown(would)}`;
      return no(`as a line today, version ${declared.version} (${image.live.id}) would change ${field}: ${detail}`);
    }
    const members = image.members.map((m) => m.member_id).sort();
    const expected = declared.state.shared ? consumerIds : [];
    if (members.join() !== expected.join())
      return no(
        declared.state.shared ? `version ${declared.version} is shared with ${members.length === 0 ? "nobody" : members.join(", ")}, the line shares every version not past its end of life with all its consumers (${expected.join(", ")})` : `version ${declared.version} is past its end of life and still shared with ${members.join(", ")}: the line unshares it`
      );
  }
  return { family, images, line };
}
function arrangeImages(images, today) {
  const { families, others } = groupFamilies(images);
  return { families: [...families].map(([family, members]) => proposeLine(family, members, today)), others };
}

// provider/cli/adopt-store.ts
function storeLine(live) {
  const description = typeof live.description === "string" && live.description !== "" ? ` "${live.description}"` : "";
  return `store ${live.id} (${live.type}${flag(live.default) ? ", the default" : ""})${description}`;
}
async function readStores(session, options) {
  let listed;
  try {
    listed = await listStoresDetail(session);
  } catch (err) {
    if (!isForbidden(err)) throw err;
    return {
      cloud: options.cloud,
      written: [],
      notes: [
        `stores: not read: /v2/info/stores/detail is admin only and cloud ${JSON.stringify(options.cloud)} is not an admin (give --store-cloud an admin's cloud to write the stores as StorageBackends)`
      ]
    };
  }
  const stores = listed.filter((s) => options.include === void 0 || options.include.test(s.id)).sort((a, b) => a.id.localeCompare(b.id));
  const written = [];
  const notes = [];
  for (const live of stores) {
    if (options.configDir === void 0 || options.reloadCommand === void 0) {
      notes.push(
        `${storeLine(live)}: not written: give --store-config-dir (glance-api's --config-dir) and --store-reload-command to write the stores whose StorageBackend fragments are there`
      );
      continue;
    }
    const fragment = readStoreFragment(options.configDir, live.id);
    if (fragment === void 0) {
      notes.push(
        `${storeLine(live)}: configured outside ${options.configDir} (glance-api.conf, by hand or by the tool that deploys Glance): that configuration manages it, so it is not written as a StorageBackend (the resource manages the stores whose fragments it renders, and refuses an id configured outside it); images may name it in \`stores\``
      );
      continue;
    }
    const { options: read, secrets } = parseStoreFragment(live.type, fragment.text, live.id, fragment.accounts);
    const inputs = {
      id: live.id,
      type: live.type,
      isDefault: flag(live.default),
      ...typeof live.description === "string" && live.description !== "" ? { description: live.description } : {},
      configDir: options.configDir,
      reloadCommand: [...options.reloadCommand],
      options: read
    };
    checkStoreInputs(`store-${live.id}`, { ...inputs, options: { ...read, ...Object.fromEntries(secrets.map((s) => [s, "secret"])) } });
    written.push({ live, inputs, secrets, owner: fragment.header.owner });
  }
  return { cloud: options.cloud, written, notes };
}
function reloadCommandOption(text2) {
  if (text2.trim().startsWith("[")) {
    let parsed;
    try {
      parsed = JSON.parse(text2);
    } catch (err) {
      throw new UsageError(`--store-reload-command: not a JSON array of strings: ${err.message}`);
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((a) => typeof a === "string"))
      throw new UsageError("--store-reload-command: not a JSON array of strings (argv, the command first)");
    return parsed;
  }
  const words = text2.trim().split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) throw new UsageError("--store-reload-command: empty");
  return words;
}
function secretConfigKey(storeId, option) {
  return `store_${storeId}_${option}`;
}

// provider/cli/project-files.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
function quote(text2) {
  return `'${JSON.stringify(text2).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
}
var Expression = class {
  constructor(text2) {
    this.text = text2;
  }
  text;
};
function literal(value, indent) {
  if (value instanceof Expression) return value.text;
  if (typeof value === "string") return quote(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (!value.some((v) => typeof v === "object" && v !== null)) return `[${value.map((v) => literal(v, indent)).join(", ")}]`;
    const inner2 = `${indent}  `;
    return `[
${value.map((v) => `${inner2}${literal(v, inner2)},`).join("\n")}
${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const inner = `${indent}  `;
  const key = (k) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : quote(k);
  return `{
${entries.map(([k, v]) => `${inner}${key(k)}: ${literal(v, inner)},`).join("\n")}
${indent}}`;
}
function docComment(lines) {
  return ["/**", ...lines.map((l) => ` *${l === "" ? "" : ` ${l}`}`), " */"].join("\n");
}
function exampleFile(path) {
  return readFileSync(new URL(`../../examples/${path}`, import.meta.url), "utf8");
}
function yamlDocument(project, description, header, resources, secrets = []) {
  const example = (0, import_yaml.parse)(exampleFile("yaml/Pulumi.yaml"));
  const document = new import_yaml.Document(
    {
      name: project,
      description,
      runtime: example["runtime"],
      plugins: example["plugins"],
      ...secrets.length === 0 ? {} : { config: Object.fromEntries(secrets.map((k) => [k, { type: "string", secret: true }])) },
      resources: Object.fromEntries(resources.map((r) => [r.name, r.value]))
    },
    // One object used twice (every version's imported source) is written twice, not as a YAML alias.
    { aliasDuplicateObjects: false }
  );
  document.commentBefore = header.map((l) => l === "" ? "" : ` ${l}`).join("\n");
  const notes = new Map(resources.map((r) => [r.name, r.notes]));
  for (const pair of document.get("resources").items) {
    const key = pair.key;
    const said = notes.get(String(key.value)) ?? [];
    if (said.length > 0) key.commentBefore = said.map((n) => ` ${n}`).join("\n");
  }
  return document.toString({ lineWidth: 0 });
}
function pulumiProjectFiles(language, project, description, program3) {
  const example = JSON.parse(exampleFile("pulumi/package.json"));
  if (language === "yaml")
    return {
      "Pulumi.yaml": program3,
      // What `npm install` needs for the provider plugin Pulumi.yaml names: the example's dependencies.
      "package.json": `${JSON.stringify({ name: project, private: true, description, dependencies: example["dependencies"], allowScripts: example["allowScripts"] }, null, 2)}
`
    };
  return {
    // The shipped example's project file (its runtime, the provider plugin from node_modules), with this project's name.
    "Pulumi.yaml": (0, import_yaml.stringify)({
      ...(0, import_yaml.parse)(exampleFile("pulumi/Pulumi.yaml")),
      name: project,
      description
    }),
    // The shipped example project's manifest and compiler settings (its dependencies, typecheck script and
    // allowScripts), with this project's name.
    "package.json": `${JSON.stringify({ ...example, name: project, description }, null, 2)}
`,
    "tsconfig.json": exampleFile("pulumi/tsconfig.json"),
    "index.ts": program3
  };
}

// provider/cli/adopt.ts
var languages = ["typescript", "yaml", "hcl", "cdktf"];
function isPulumiLanguage(language) {
  return language === "typescript" || language === "yaml";
}
function resourceName(name, id, taken) {
  const base = (name ?? "").toLowerCase().replace(/[^a-z0-9.]+/g, "-").replace(/^-+|-+$/g, "") || `image-${id.slice(0, 8)}`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${String(n)}`;
  taken.add(candidate);
  return candidate;
}
function variableName(resource) {
  const camel = resource.replace(/[-.]+([a-z0-9])/g, (_, c) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "");
  return /^[0-9]/.test(camel) ? `image${camel}` : camel;
}
function adoptedInputs(live) {
  const inputs = imageInputsFromLive(live);
  const order = [
    "name",
    "diskFormat",
    "containerFormat",
    "visibility",
    "minDisk",
    "minRam",
    "isProtected",
    "isHidden",
    "isDeactivated",
    "tags"
  ];
  const sorted = {};
  for (const key of order) if (inputs[key] !== void 0) sorted[key] = inputs[key];
  const properties = inputs["properties"] ?? {};
  sorted["properties"] = Object.fromEntries(
    Object.keys(properties).sort().map((k) => [k, properties[k]])
  );
  sorted["source"] = { imported: true };
  return sorted;
}
var answers = {
  accepted: "has accepted the share",
  rejected: "has rejected the share",
  pending: "has not answered the share yet"
};
function madeByAStack(image) {
  return typeof imageDocument(image.live).properties[creationMark] === "string";
}
function findingNotes(image) {
  return [
    ...madeByAStack(image) ? [
      `${image.live.name ?? image.live.id}: made by a stack of the catalog (its creation mark): if that stack still holds it, importing it here makes two programs manage one image (leave it out with --include, or remove it from that stack's state first); if that stack's state is gone, this program takes it over`
    ] : [],
    ...findingsOf2(image)
  ];
}
function findingsOf2(image) {
  return image.findings.flatMap(
    (f) => f.problems.map((p) => `audit: ${f.level} ${f.rule}: ${image.live.name ?? image.live.id}: ${p.message.replaceAll("\n", " ")}`)
  );
}
function lineArgs(line) {
  const { consumers, ...rest } = line;
  const family = { ...rest };
  delete family["name"];
  return { ...family, ...consumers.length > 0 ? { consumers: consumers.map(({ projectId, name }) => ({ projectId, name })) } : {} };
}
function imageEntries(image, taken, reason) {
  const resource = resourceName(image.live.name ?? null, image.live.id, taken);
  return [
    { kind: "image", resource, inputs: adoptedInputs(image.live), importId: image.live.id, notes: [...reason, ...findingNotes(image)] },
    ...image.members.map((member) => ({
      kind: "member",
      resource: resourceName(`${resource}-share-${member.member_id.slice(0, 8)}`, member.member_id, taken),
      image: resource,
      memberProjectId: member.member_id,
      importId: `${image.live.id}/${member.member_id}`,
      notes: [`${member.member_id} ${answers[member.status]} (its acceptance is the member project's own to declare)`]
    }))
  ];
}
function withoutLatest(line) {
  return line.versions.every((v) => v.excludeFromLatest === true);
}
function lineEntry(line, images) {
  return {
    kind: "line",
    resource: line.name,
    args: lineArgs(line),
    notes: [
      `${line.name}: ${images.length} version${images.length === 1 ? "" : "s"} as one line (current: the one Glance has visible and undeprecated)`,
      ...withoutLatest(line) ? [
        `${line.name}: no image is tagged ${line.name}@latest, so every version is written excludeFromLatest and the line has no latest channel; drop excludeFromLatest from the version consumers should get (an update of its tags)`
      ] : [],
      ...images.flatMap(findingNotes),
      ...line.consumers.map(
        (c) => `consumer ${c.projectId}: ${Object.entries(c.statuses).map(([version, status]) => `v${version} ${status}`).join(", ")} (its acceptance is the consumer's own to declare: LineAcceptance)`
      )
    ]
  };
}
function storeEntry(store, ownProvider, taken) {
  const { id, ...rest } = store.inputs;
  return {
    kind: "store",
    resource: resourceName(`store-${store.live.id}`, store.live.id, taken),
    inputs: { [idNames.store ?? "id"]: id, ...rest },
    secrets: store.secrets.map((option) => ({ option, key: secretConfigKey(store.live.id, option) })),
    importId: store.live.id,
    ownProvider,
    notes: [
      ...store.owner === void 0 ? [] : [
        `store ${store.live.id}: made by a stack of the catalog (its fragment's mark ${store.owner}): if that stack still holds it, importing it here makes two programs manage one store (leave it out with --stores); if that stack's state is gone, this program takes it over (its next change claims the fragment)`
      ],
      ...store.secrets.map(
        (option) => `options.${option}: a secret the fragment holds: set it with pulumi config set --secret ${secretConfigKey(store.live.id, option)}`
      )
    ]
  };
}
function programEntries(adoption, pulumi = true) {
  const taken = /* @__PURE__ */ new Set(["adopted", "stores"]);
  const familyEntries = (f) => {
    if (!("line" in f))
      return f.images.flatMap(
        (image, i) => imageEntries(
          image,
          taken,
          pulumi && i === 0 ? [`${f.family}: not written as a VersionLine: ${f.reason.replaceAll("\n", " ")}`] : []
        )
      );
    if (pulumi) return [lineEntry(f.line, f.images)];
    return f.images.flatMap(
      (image) => imageEntries(image, taken, [`a version of the line ${f.family} (no VersionLine in this language: each version is its own resource)`])
    );
  };
  const ownProvider = adoption.stores.cloud !== adoption.cloud;
  return [
    ...pulumi ? adoption.stores.written.map((store) => storeEntry(store, ownProvider, taken)) : [],
    ...adoption.families.flatMap(familyEntries),
    ...adoption.others.flatMap((image) => imageEntries(image, taken, []))
  ];
}
function adoptionDescription(adoption) {
  return `The images of project ${adoption.owner} (cloud ${adoption.cloud}), adopted by image-catalog adopt on ${adoption.today}.`;
}
function tpoImage(live, properties) {
  const image = tpoResources["openstack_images_image_v2"];
  const values = Object.entries(image?.wire ?? {}).filter(([attribute]) => !(image?.assigned ?? []).includes(attribute)).map(([attribute, wire]) => [attribute, wire === "properties" ? properties : live[wire]]).filter(([, value]) => value !== void 0 && value !== null);
  const undeclared = Object.keys(imageDocument(live).properties).filter(isUndeclaredProperty).sort();
  return {
    values,
    ignored: ["image_cache_path", ...undeclared.map((k) => `properties[${JSON.stringify(k)}]`)],
    notes: live.status === "deactivated" ? ["deactivated in Glance (revoked): terraform-provider-openstack has no attribute for it"] : []
  };
}
function storeNotes(adoption, language) {
  if (isPulumiLanguage(language)) return [...adoption.stores.notes];
  const why = language === "hcl" ? "terraform-provider-openstack has no resource for a Glance store" : "the CDKTF StorageBackend is a terraform_data, and an import of one fills no input (hashicorp/terraform#32683: the next plan would change it)";
  const fragments = adoption.stores.written.map((s) => `${s.live.id} (${s.live.type})`);
  return fragments.length === 0 ? [] : [
    `stores: the StorageBackend fragments of ${fragments.join(", ")} are not written here: ${why}; adopt them into a Pulumi program (adopt --language typescript with the same --store options)`
  ];
}
function headerText(adoption, language) {
  const stores = storeNotes(adoption, language);
  return [...headerBody(adoption, language), ...stores.length === 0 ? [] : ["", ...stores]];
}
function headerBody(adoption, language) {
  const count = `${adoption.images.length} image${adoption.images.length === 1 ? "" : "s"}`;
  const seen = `The images of project ${adoption.owner} as cloud ${JSON.stringify(adoption.cloud)} saw them on ${adoption.today}, written by`;
  if (language === "cdktf")
    return [
      seen,
      `\`image-catalog adopt\` (${count}). Each resource is imported (\`importFrom\`): the first \`cdktn diff\` holds imports`,
      "only, and `cdktn deploy` (TERRAFORM_BINARY_NAME=image-catalog-tofu: the gate decides each plan) imports them;",
      "remove the importFrom calls after it.",
      "",
      "Glance does not keep where an image's data came from, so no imageSourceUrl or localFilePath is written: the",
      "data is what Glance has. A new version is a CatalogImage (or a VersionLine) beside these, decided by the gate",
      "before its apply (docs/cdktf.md, docs/adopt.md)."
    ];
  if (language === "hcl")
    return [
      seen,
      `\`image-catalog adopt\` (${count}). Each resource has its import block: the first \`tofu plan\` holds imports only`,
      "(decide it with `image-catalog plan-check`), its apply imports them; remove the import blocks after it.",
      "",
      "Glance does not keep where an image's data came from, so no image_source_url or local_file_path is written: the",
      "data is what Glance has. A new version is a new openstack_images_image_v2 resource with its data, decided by",
      "the policy through `image-catalog plan-check` before its apply (docs/adopt.md)."
    ];
  const provider = language === "typescript" ? "`{ provider }`" : "`options: { provider: ${adopted} }`";
  return [
    seen,
    `\`image-catalog adopt\` (${count}). Each resource carries its import id: the first \`pulumi up\` imports them (its`,
    "preview holds imports only), and from then on this program manages them (the policy decides every change, a",
    "published image is immutable). Remove the import ids after that run.",
    "",
    "Glance does not keep where an image's data came from: each image's source is `{ imported: true }`, data that",
    "was there before the catalog managed it (docs/adopt.md). Declare the real file or url when you know it: no",
    `change. A new version is a version added to its VersionLine, or a new Image with ${provider}.`
  ];
}
function storeInputs(e, read) {
  const options = e.inputs["options"] ?? {};
  return { ...e.inputs, options: { ...options, ...Object.fromEntries(e.secrets.map((s) => [s.option, read(s.key)])) } };
}
function typescriptProgram(adoption) {
  const entries = programEntries(adoption);
  const variables = new Map(entries.map((e) => [e.resource, variableName(e.resource)]));
  const comments = (notes) => notes.map((n) => `  // ${n}`);
  const stores = entries.flatMap((e) => e.kind === "store" ? [e] : []);
  const blocks = entries.map((e) => {
    if (e.kind === "store")
      return [
        ...comments(e.notes),
        `  new StorageBackend(${quote(e.resource)}, ${literal(
          storeInputs(e, (key) => new Expression(`config.requireSecret(${quote(key)})`)),
          "  "
        )}, { provider: ${e.ownProvider ? "storesProvider" : "provider"}, import: ${quote(e.importId)} });`
      ].join("\n");
    if (e.kind === "line")
      return [...comments(e.notes), `  new VersionLine(${quote(e.resource)}, ${literal(e.args, "  ")}, { provider });`].join("\n");
    if (e.kind === "image")
      return [
        ...comments(e.notes),
        `  const ${variables.get(e.resource) ?? ""} = new Image(${quote(e.resource)}, ${literal(e.inputs, "  ")}, { provider, import: ${quote(e.importId)} });`
      ].join("\n");
    return [
      ...comments(e.notes),
      `  new ImageMember(
    ${quote(e.resource)},
    { image: ${variables.get(e.image) ?? ""}, memberProjectId: ${quote(e.memberProjectId)} },
    { provider, import: ${quote(e.importId)} },
  );`
    ].join("\n");
  });
  const used = new Set(entries.map((e) => e.kind));
  const imports = [
    ...used.has("image") ? ["Image"] : [],
    ...used.has("member") ? ["ImageMember"] : [],
    "Provider",
    ...used.has("store") ? ["StorageBackend"] : [],
    ...used.has("line") ? ["VersionLine"] : []
  ];
  const secrets = stores.some((e) => e.secrets.length > 0);
  const preamble = [
    ...secrets ? [`import * as pulumi from '@pulumi/pulumi';`] : [],
    `import { ${imports.join(", ")} } from 'image-catalog/pulumi';`
  ];
  const declarations = [
    "  // The cloud adopt read with: an import reads with its provider's cloud.",
    `  const provider = new Provider('adopted', { cloud: ${quote(adoption.cloud)} });`,
    ...stores.some((e) => e.ownProvider) ? [
      "  // The cloud adopt read the stores with (an admin: /v2/info/stores/detail is admin only).",
      `  const storesProvider = new Provider('stores', { cloud: ${quote(adoption.stores.cloud)} });`
    ] : [],
    ...secrets ? [
      "  // The secret options of the stores, from the stack config (pulumi config set --secret).",
      "  const config = new pulumi.Config();"
    ] : []
  ];
  return `${docComment(headerText(adoption, "typescript"))}
${preamble.join("\n")}

export default function catalog(): Promise<Record<string, unknown>> {
${declarations.join("\n")}

${blocks.join("\n\n")}
  return Promise.resolve({});
}
`;
}
function yamlProgram(adoption, project) {
  const provider = "${adopted}";
  const entries = programEntries(adoption);
  const stores = entries.flatMap((e) => e.kind === "store" ? [e] : []);
  const resources = [
    {
      name: "adopted",
      value: { type: `pulumi:providers:${packageName}`, properties: { cloud: adoption.cloud } },
      notes: ["The cloud adopt read with: an import reads with its provider's cloud."]
    },
    ...stores.some((e) => e.ownProvider) ? [
      {
        name: "stores",
        value: { type: `pulumi:providers:${packageName}`, properties: { cloud: adoption.stores.cloud } },
        notes: ["The cloud adopt read the stores with (an admin: /v2/info/stores/detail is admin only)."]
      }
    ] : [],
    ...entries.map((e) => {
      if (e.kind === "store")
        return {
          name: e.resource,
          notes: e.notes,
          value: {
            type: typeToken("store"),
            properties: storeInputs(e, (key) => `\${${key}}`),
            options: { provider: e.ownProvider ? "${stores}" : provider, import: e.importId }
          }
        };
      if (e.kind === "line")
        return {
          name: e.resource,
          notes: e.notes,
          value: { type: componentToken("versionLine"), properties: e.args, options: { provider } }
        };
      if (e.kind === "image")
        return {
          name: e.resource,
          notes: e.notes,
          value: { type: typeToken("image"), properties: e.inputs, options: { provider, import: e.importId } }
        };
      return {
        name: e.resource,
        notes: e.notes,
        value: {
          type: typeToken("member"),
          properties: { imageId: `\${${e.image}.imageId}`, memberProjectId: e.memberProjectId },
          options: { provider, import: e.importId }
        }
      };
    })
  ];
  return yamlDocument(
    project,
    adoptionDescription(adoption),
    headerText(adoption, "yaml"),
    resources,
    stores.flatMap((e) => e.secrets.map((s) => s.key))
  );
}
function hcl(value, indent) {
  if (typeof value === "string")
    return JSON.stringify(value).replaceAll("${", () => "$${").replaceAll("%{", () => "%%{");
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => hcl(v, indent)).join(", ")}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const width = Math.max(...entries.map(([k]) => JSON.stringify(k).length));
  return `{
${entries.map(([k, v]) => `${indent}  ${JSON.stringify(k).padEnd(width)} = ${hcl(v, `${indent}  `)}`).join("\n")}
${indent}}`;
}
function hclName(resource) {
  const name = resource.replace(/[^A-Za-z0-9_-]/g, "_");
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}
function hclProgram(adoption) {
  const byId = new Map(adoption.images.map((i) => [i.live.id, i]));
  const blocks = programEntries(adoption, false).map((e) => {
    const comments = (notes) => notes.map((n) => `# ${n}`);
    if (e.kind === "line" || e.kind === "store") throw new Error(`adopt: ${e.resource}: a ${e.kind} in an HCL configuration`);
    const address = `${e.kind === "image" ? "openstack_images_image_v2" : "openstack_images_image_access_v2"}.${hclName(e.resource)}`;
    const importBlock = `import {
  to = ${address}
  id = ${hcl(e.importId, "")}
}`;
    if (e.kind === "member")
      return [
        ...comments(e.notes),
        importBlock,
        `resource "openstack_images_image_access_v2" "${hclName(e.resource)}" {
  image_id  = openstack_images_image_v2.${hclName(e.image)}.id
  member_id = ${hcl(e.memberProjectId, "  ")}
}`
      ].join("\n");
    const tpo = tpoImage(byId.get(e.importId).live, e.inputs["properties"] ?? {});
    const width = Math.max(...tpo.values.map(([a]) => a.length));
    return [
      ...comments([...e.notes, ...tpo.notes]),
      importBlock,
      `resource "openstack_images_image_v2" "${hclName(e.resource)}" {`,
      ...tpo.values.map(([a, v]) => `  ${a.padEnd(width)} = ${hcl(v, "  ")}`),
      "  lifecycle {",
      "    # The provider's own download cache, the properties other tools put on the image and the catalog's marks: never a change.",
      `    ignore_changes = [${tpo.ignored.join(", ")}]`,
      "  }",
      "}"
    ].join("\n");
  });
  return `${headerText(adoption, "hcl").map((l) => l === "" ? "#" : `# ${l}`).join("\n")}

terraform {
  required_providers {
    openstack = {
      source  = "${tpoRelease.source}"
      version = "${tpoRelease.version}"
    }
  }
}

# The cloud adopt read with: the imports read with it.
provider "openstack" {
  cloud = ${hcl(adoption.cloud, "")}
}

${blocks.join("\n\n")}
`;
}
function bindingName(attribute) {
  return attribute.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}
function cdktfProgram(adoption) {
  const byId = new Map(adoption.images.map((i) => [i.live.id, i]));
  const variables = /* @__PURE__ */ new Map();
  const blocks = programEntries(adoption, false).map((e) => {
    const comments = (notes) => notes.map((n) => `    // ${n}`);
    if (e.kind === "line" || e.kind === "store") throw new Error(`adopt: ${e.resource}: a ${e.kind} in a CDKTF app`);
    const variable = variableName(e.resource);
    variables.set(e.resource, variable);
    if (e.kind === "member")
      return [
        ...comments(e.notes),
        `    new openstack.imagesImageAccessV2.ImagesImageAccessV2(this, ${quote(e.resource)}, {`,
        `      imageId: ${variables.get(e.image) ?? ""}.id,`,
        `      memberId: ${quote(e.memberProjectId)},`,
        `    }).importFrom(${quote(e.importId)});`
      ].join("\n");
    const tpo = tpoImage(byId.get(e.importId).live, e.inputs["properties"] ?? {});
    return [
      ...comments([...e.notes, ...tpo.notes]),
      `    const ${variable} = new openstack.imagesImageV2.ImagesImageV2(this, ${quote(e.resource)}, {`,
      ...tpo.values.map(([attribute, v]) => `      ${bindingName(attribute)}: ${literal(v, "      ")},`),
      "      // The provider's own download cache, the properties other tools put on the image and the catalog's marks: never a change.",
      `      lifecycle: { ignoreChanges: ${literal(tpo.ignored, "      ")} },`,
      "    });",
      `    ${variable}.importFrom(${quote(e.importId)});`
    ].join("\n");
  });
  const appImports = [
    ["{ App, TerraformStack }", "cdktn"],
    ["type { Construct }", "constructs"],
    ["{ OpenstackProvider, checkCatalog, openstack, requireGate }", "image-catalog/cdktf"]
  ].map(([names, module]) => ["import", names, "from", quote(module ?? "")].join(" ") + ";").join("\n");
  return `${docComment(headerText(adoption, "cdktf"))}
${appImports}

class Adopted extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Applied only through the image-catalog gate, which decides each plan with the catalog policy first.
    requireGate(this);
    // The cloud adopt read with: the imports read with it.
    new OpenstackProvider(this, 'adopted', { cloud: ${quote(adoption.cloud)} });

${blocks.join("\n\n")}
  }
}

const app = new App();
new Adopted(app, 'catalog');
await checkCatalog(app);
app.synth();
`;
}
function projectFiles(adoption, project, language = "typescript") {
  const description = adoptionDescription(adoption);
  if (language === "hcl") return { "main.tf": hclProgram(adoption) };
  if (language === "cdktf")
    return {
      "main.ts": cdktfProgram(adoption),
      // The shipped CDKTF example's app settings, manifest and compiler settings, with this project's name.
      "cdktf.json": exampleFile("cdktf/cdktf.json"),
      "package.json": `${JSON.stringify({ ...JSON.parse(exampleFile("cdktf/package.json")), name: project, description }, null, 2)}
`,
      "tsconfig.json": exampleFile("cdktf/tsconfig.json")
    };
  return pulumiProjectFiles(
    language,
    project,
    description,
    language === "yaml" ? yamlProgram(adoption, project) : typescriptProgram(adoption)
  );
}
async function readAdoption(session, options) {
  const { session: storeSession, ...storeOptions2 } = options.stores ?? {};
  const stores = readStores(storeSession ?? session, { cloud: options.cloud, ...storeOptions2 });
  const token = await session.token();
  const owner = options.owner === void 0 || options.owner === token.projectName ? token.projectId ?? "" : options.owner;
  const [engine, listed] = await Promise.all([PolicyEngine.load({ overrides: options.overrides ?? [] }), snapshotImages(session)]);
  const owned = listed.filter((image) => image["owner"] === owner && (options.include === void 0 || options.include.test(image.name ?? ""))).sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "") || a.id.localeCompare(b.id));
  const finished = (image) => image.status === "active" || image.status === "deactivated";
  const mine = owned.filter(finished);
  const today = utcToday();
  const { findings } = judgeCatalog(engine, await session.identity(), listed.map(imageDocument), { owner }, today);
  const members = await membersOfImages(
    session,
    mine.filter((live) => live["visibility"] === "shared").map((live) => live.id)
  );
  const findingsOf3 = /* @__PURE__ */ new Map();
  for (const f of findings) findingsOf3.set(f.image.id, [...findingsOf3.get(f.image.id) ?? [], f]);
  const images = mine.map((live) => ({
    live,
    members: members.get(live.id) ?? [],
    findings: findingsOf3.get(live.id) ?? []
  }));
  return {
    cloud: options.cloud,
    owner,
    today,
    images,
    ...arrangeImages(images, today),
    skipped: owned.filter((image) => !finished(image)),
    stores: await stores
  };
}
function storeReport(adoption, language) {
  const written = isPulumiLanguage(language) ? adoption.stores.written : [];
  const secrets = written.flatMap((s) => s.secrets.map((option) => secretConfigKey(s.live.id, option)));
  return (written.length === 0 ? "" : `adopt: ${written.length} StorageBackend${written.length === 1 ? "" : "s"} (${written.map((s) => s.live.id).join(", ")}) with their import ids, read with cloud ${JSON.stringify(adoption.stores.cloud)}
`) + written.filter((s) => s.owner !== void 0).map(
    (s) => `adopt: store ${s.live.id} was made by a stack of the catalog (its fragment's mark): if that stack still holds it, leave it out with --stores (two programs would manage one store); if its state is gone, this program takes it over
`
  ).join("") + (secrets.length === 0 ? "" : `adopt: before the preview, set the stores' secret options (their values are in the fragments; adopt writes none): ${secrets.map((k) => `pulumi config set --secret ${k}`).join("; ")}
`) + storeNotes(adoption, language).map((n) => `adopt: ${n}
`).join("");
}
function regexOption(name, text2) {
  try {
    return text2 === void 0 ? void 0 : new RegExp(text2);
  } catch (err) {
    throw new UsageError(`${name} ${text2 ?? ""}: ${err.message}`);
  }
}
function storeOptions(options, cloud) {
  if (options.storeConfigDir === void 0 !== (options.storeReloadCommand === void 0))
    throw new UsageError(
      "--store-config-dir and --store-reload-command go together: a StorageBackend declares the folder of its fragment and what reloads glance-api"
    );
  if (options.storeConfigDir !== void 0 && !(existsSync(options.storeConfigDir) && statSync(options.storeConfigDir).isDirectory()))
    throw new UsageError(`--store-config-dir ${options.storeConfigDir}: not a folder; nothing was written`);
  const include = regexOption("--stores", options.stores);
  return {
    cloud: options.storeCloud ?? cloud,
    ...options.storeConfigDir === void 0 ? {} : { configDir: resolve(options.storeConfigDir) },
    ...options.storeReloadCommand === void 0 ? {} : { reloadCommand: reloadCommandOption(options.storeReloadCommand) },
    ...include === void 0 ? {} : { include }
  };
}
function registerAdopt(program3) {
  program3.command("adopt").description(
    "Write a Pulumi project (TypeScript, or Pulumi YAML with --language yaml) or an HCL configuration (--language hcl, terraform-provider-openstack with import blocks) or a CDK Terrain app (--language cdktf, the same resources with importFrom; no VersionLine in those two) that manages an owner's live images: a family of convention-named images as one VersionLine when the line declares each version exactly as Glance has it (else why not, as a comment), every other image as an Image with its import id, its fields as Glance has them and source { imported: true }, one ImageMember per membership, the audit findings as comments. Its first preview holds imports only. Images in a status other than active or deactivated are left out (and said). Stores (read as an admin): those whose StorageBackend fragments are in --store-config-dir as StorageBackends with their import ids (a Pulumi program; a secret option read from the stack config), every other store said. Exit 0 written, 2 could not (an --out folder that is not empty, no cloud, a catalog the cloud cannot list)."
  ).requiredOption("--out <dir>", "the folder to write the project into (new, or empty)").option("--cloud <name>", "the clouds.yaml cloud to read as, and the one the program applies with (default: OS_CLOUD)").option("--owner <project>", "the project whose images to adopt: an id, or the cloud's own project name (default: the cloud's project)").option("--include <regex>", "only the images whose name matches").option("--language <language>", languages.join(", "), "typescript").option("--data <file...>", "policy data overrides for the findings written as comments").option("--store-cloud <name>", "the cloud to read the stores with, an admin (/v2/info/stores/detail is admin only; default: --cloud)").option(
    "--store-config-dir <dir>",
    "glance-api's --config-dir: the stores whose StorageBackend fragments are there are written as StorageBackends"
  ).option(
    "--store-reload-command <command>",
    "what the written StorageBackends reload glance-api with (a JSON array of argv, or words split on spaces); with --store-config-dir"
  ).option("--stores <regex>", "only the stores whose id matches").action(async (options) => {
    if (!languages.includes(options.language))
      throw new UsageError(`--language ${options.language}: not one of ${languages.join(", ")}`);
    const out = resolve(options.out);
    if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${options.out}: not a folder; nothing was written`);
    if (existsSync(out) && readdirSync(out).length > 0)
      throw new UsageError(`--out ${options.out}: the folder is not empty; nothing was written`);
    const include = regexOption("--include", options.include);
    const overrides = readOverrides(options.data ?? []);
    const cloud = options.cloud ?? process.env["OS_CLOUD"];
    if (cloud === void 0 || cloud === "")
      throw new UsageError("--cloud: the program names the cloud it applies with (or set OS_CLOUD)");
    const stores = storeOptions(options, cloud);
    let adoption;
    const session = cloudSession(cloud);
    const storeSession = stores.cloud === cloud ? void 0 : cloudSession(stores.cloud);
    try {
      adoption = await readAdoption(session, {
        cloud,
        ...options.owner === void 0 ? {} : { owner: options.owner },
        ...include === void 0 ? {} : { include },
        overrides,
        stores: { ...stores, ...storeSession === void 0 ? {} : { session: storeSession } }
      });
    } catch (err) {
      if (isUnusableInput(err)) throw new UsageError(`could not read cloud ${JSON.stringify(cloud)}: ${err.message}`);
      throw err;
    } finally {
      await session.close();
      await storeSession?.close();
    }
    if (adoption.images.length === 0 && adoption.stores.written.length === 0)
      throw new UsageError(
        `nothing to adopt: cloud ${JSON.stringify(cloud)} sees no image of owner ${adoption.owner}${options.include === void 0 ? "" : ` whose name matches ${options.include}`} and no store is written${adoption.stores.notes.length === 0 ? "" : ` (${adoption.stores.notes.join("; ")})`} (--owner takes a project id or the cloud's own project name); nothing was written`
      );
    mkdirSync(out, { recursive: true });
    const project = `catalog-${adoption.owner.slice(0, 8) || "adopted"}`;
    for (const [file, text2] of Object.entries(projectFiles(adoption, project, options.language)))
      writeFileSync(join(out, file), text2);
    const written = {
      typescript: {
        program: "index.ts",
        next: "npm install there (image-catalog and @pulumi/pulumi: docs/install.md), then preview: it holds imports only"
      },
      yaml: {
        program: "Pulumi.yaml",
        next: "npm install there (the provider plugin Pulumi.yaml names; Pulumi runs the program with pulumi-language-yaml), then preview: it holds imports only"
      },
      cdktf: {
        program: "main.ts",
        next: "npm install there (image-catalog, cdktn, constructs: docs/cdktf.md), then TERRAFORM_BINARY_NAME=image-catalog-tofu cdktn diff: imports only; then cdktn deploy"
      },
      hcl: {
        program: "main.tf",
        next: "tofu init, tofu plan -out plan, tofu show -json plan > plan.json, image-catalog plan-check plan.json: imports only, allowed; then tofu apply plan"
      }
    }[options.language];
    const members = adoption.images.reduce((n, i) => n + i.members.length, 0);
    const managed = adoption.images.filter(madeByAStack);
    const breaking = adoption.images.filter((i) => i.findings.length > 0);
    const pulumi = isPulumiLanguage(options.language);
    const lines = adoption.families.flatMap(
      (f) => "line" in f ? [
        `${f.family}: ${f.images.length} version${f.images.length === 1 ? "" : "s"}${pulumi && withoutLatest(f.line) ? ", no latest (said above it)" : ""}`
      ] : []
    );
    const plainFamilies = pulumi ? adoption.families.flatMap((f) => "reason" in f ? [f] : []) : [];
    process.stdout.write(
      `adopt: ${adoption.images.length} image${adoption.images.length === 1 ? "" : "s"} and ${members} membership${members === 1 ? "" : "s"} of project ${adoption.owner} written to ${out}
` + (lines.length === 0 ? "" : !pulumi ? `adopt: ${lines.length} line${lines.length === 1 ? "" : "s"} (${lines.join("; ")}), each version its own resource (an imported image is no CatalogImage or VersionLine there yet)
` : `adopt: ${lines.length} VersionLine${lines.length === 1 ? "" : "s"} (${lines.join("; ")})
`) + plainFamilies.map(
        (f) => `adopt: ${f.family}: written as ${f.images.length} Image${f.images.length === 1 ? "" : "s"}, not a VersionLine: ${f.reason}
`
      ).join("") + (breaking.length === 0 ? "" : `adopt: ${breaking.length} of them break catalog rules (each said above its resource in ${written.program}):
${breaking.map((i) => `  ${JSON.stringify(i.live.name)} (${i.live.id}): ${[...new Set(i.findings.map((f) => f.rule))].join(", ")}
`).join("")}`) + (managed.length === 0 ? "" : `adopt: ${managed.length} of them were made by a stack of the catalog (their creation mark): if that stack still holds them, leave them out with --include (two programs would manage one image); if its state is gone, this program takes them over:
${managed.map((i) => `  ${JSON.stringify(i.live.name)} (${i.live.id})
`).join("")}`) + adoption.skipped.map((i) => `adopt: left out ${JSON.stringify(i.name)} (${i.id}): status ${i.status}, no data an import can take
`).join("") + storeReport(adoption, options.language) + `adopt: the program applies as cloud ${JSON.stringify(cloud)}, the cloud adopt read with (its provider): give it a cloud of the owner project that may write
next: ${written.next}
`
    );
  });
}

// provider/cli/convert.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { existsSync as existsSync2, mkdirSync as mkdirSync2, readdirSync as readdirSync2, readFileSync as readFileSync2, statSync as statSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { basename, join as join2, resolve as resolve2 } from "node:path";
var osismValidator;
function validateOsism() {
  osismValidator ??= projectAjv({ verbose: true }).compile(
    JSON.parse(readFileSync2(new URL("../../schemas/osism-images.schema.json", import.meta.url), "utf8"))
  );
  return osismValidator;
}
var OsismFileError = class extends Error {
  constructor(problems) {
    super(problems.map((p) => `${p.file}:${String(p.line)}: ${p.field}: ${p.message}`).join("\n"));
    this.problems = problems;
  }
  problems;
  name = "OsismFileError";
};
function readOsismFile(file, text2) {
  const counter = new import_yaml2.LineCounter();
  const document = (0, import_yaml2.parseDocument)(text2, { lineCounter: counter });
  if (document.errors.length > 0)
    throw new OsismFileError(
      document.errors.map((e) => ({
        file,
        line: counter.linePos(e.pos[0]).line,
        field: "(yaml)",
        message: e.message.split("\n")[0] ?? ""
      }))
    );
  const data = document.toJS();
  const validate = validateOsism();
  if (validate(data)) return data.images;
  const lineAt = (pointer) => {
    let node = document.contents;
    let line = 1;
    for (const part of pointer.split("/").slice(1)) {
      const next = (0, import_yaml2.isMap)(node) ? node.get(part, true) : (0, import_yaml2.isSeq)(node) ? node.get(Number(part), true) : void 0;
      if (next === void 0) break;
      node = next;
      const range = node.range;
      if (range !== void 0 && range !== null) line = counter.linePos(range[0]).line;
    }
    return line;
  };
  const seen = /* @__PURE__ */ new Set();
  const problems = (validate.errors ?? []).flatMap((e) => {
    const field = e.instancePath.slice(1).replaceAll("/", ".") || "(file)";
    const message = e.keyword === "additionalProperties" ? `${String(e.params.additionalProperty)} is not a field of osism's schema` : e.keyword === "required" ? `${String(e.params.missingProperty)} is required` : e.keyword === "enum" ? `must be one of ${(e.params.allowedValues ?? []).map((v) => JSON.stringify(v)).join(", ")}` : e.message ?? e.keyword;
    const key = `${field}|${message}`;
    if (seen.has(key) || e.keyword === "anyOf") return [];
    seen.add(key);
    return [{ file, line: lineAt(e.instancePath), field, message: `${message} (osism schema: ${e.keyword})` }];
  });
  throw new OsismFileError(problems);
}
var lineMeta = /* @__PURE__ */ new Set([
  "os_distro",
  "os_version",
  "provided_until",
  "replace_frequency",
  "os_purpose",
  "architecture",
  "image_description",
  "uuid_validity"
]);
function requiredMetadataGaps(args, data = loadPolicyData()) {
  const required = (data.image_catalog["required_metadata"] ?? {}).properties ?? {};
  const given = { ...args.properties, os_distro: args.os, os_version: args.osVersion };
  return Object.entries(required).flatMap(([key, rule]) => {
    const value = given[key];
    if (value === void 0 || value === "")
      return [
        `properties.${key} is required by the catalog's policy (required_metadata) and osism's definition has none: add it to the line's properties before the first run`
      ];
    if (rule.allowed !== void 0 && !rule.allowed.includes(value))
      return [`properties.${key} "${value}" is not one the catalog's policy allows (required_metadata: ${rule.allowed.join(", ")})`];
    return [];
  });
}
function osismLines(file, images, profile) {
  const lines = [];
  const notes = [];
  const policy = loadPolicyData();
  for (const image of images) {
    const where = `${basename(file)}: ${image.name}`;
    if (!image.enable) {
      notes.push(`${where}: not enabled (enable: false): left out, as openstack-image-manager leaves it`);
      continue;
    }
    if (image.visibility === "private") {
      notes.push(`${where}: private: a line's versions are published (shared, community or public): left out`);
      continue;
    }
    const meta = image.meta;
    const os = String(meta["os_distro"]);
    const said = [`from ${where} (osism image definition)`];
    if (image["password"] !== void 0) said.push("its login password is not written (a secret has no place in a program)");
    if (image.tags.length > 0) said.push(`its tags ${image.tags.join(", ")} are not written (a line's tags are its channels)`);
    if (image.status === "deactivated") said.push("status deactivated: every version is written revoked");
    const validity = typeof meta["uuid_validity"] === "string" ? meta["uuid_validity"] : "none";
    const keep = /^last-([1-9][0-9]*)$/.exec(validity)?.[1];
    if (keep !== void 0)
      said.push(
        `uuid_validity ${validity} as the line's keep: ${keep} (the newest ${keep} versions stay; an older one is deleted once deprecated and past its end of life)`
      );
    else if (validity !== "none")
      said.push(`uuid_validity ${validity} is not written: a line's uuid_validity is none, or last-N from its keep`);
    const groups = /* @__PURE__ */ new Map();
    for (const v of image.versions) {
      const osVersion = v.os_version ?? meta["os_version"] ?? /^(\d+\.\d+)/.exec(v.version)?.[1];
      if (osVersion === void 0) {
        notes.push(`${where}: version ${v.version}: no os_version, and the version is not <major>.<minor>\u2026: left out`);
        continue;
      }
      groups.set(osVersion, [...groups.get(osVersion) ?? [], v]);
    }
    const lineProfile = profile ?? String(meta["os_purpose"]);
    for (const [osVersion, versions] of groups) {
      const unchecked = [];
      const ordered2 = [...versions].sort((a, b) => a.build_date.localeCompare(b.build_date) || a.version.localeCompare(b.version));
      const properties = Object.fromEntries(
        Object.entries(meta).filter(([key, value]) => !lineMeta.has(key) && value !== null && value !== void 0).map(([key, value]) => [key, String(value)])
      );
      const endOfLife = typeof meta["provided_until"] === "string" && isDate(meta["provided_until"]) ? meta["provided_until"] : void 0;
      const lineVersions = ordered2.map((v, index) => {
        const [algo, digest] = (v.checksum ?? "").split(":");
        const pin = algo === "sha256" ? { sha256: digest ?? "" } : algo === "sha512" ? { sha512: digest ?? "" } : {};
        if (v.checksum !== void 0 && Object.keys(pin).length === 0)
          unchecked.push(`version ${v.version}: its ${algo ?? ""} checksum is not checked (the catalog checks sha256 and sha512)`);
        return {
          version: `1.${String(index)}`,
          source: Object.keys(pin).length > 0 ? { url: v.url, method: "glance-direct" } : { url: v.url },
          ...pin,
          diskFormat: image.format,
          ...image.min_disk > 0 ? { minDisk: image.min_disk } : {},
          ...image.min_ram > 0 ? { minRam: image.min_ram } : {},
          buildDate: v.build_date.slice(0, 10),
          ...endOfLife === void 0 ? {} : { endOfLife },
          ...image.status === "deactivated" ? { revoked: true } : {},
          properties: { internal_version: v.version }
        };
      });
      const family = `${os}-${osVersion}-${lineProfile}`;
      const description = typeof meta["image_description"] === "string" ? meta["image_description"] : image.name;
      const args = {
        os,
        osVersion,
        profile: lineProfile,
        ...keep === void 0 ? {} : { keep: Number(keep) },
        ...image.visibility === "shared" ? {} : { visibility: image.visibility },
        properties: { ...properties, description },
        scs: {
          replaceFrequency: String(meta["replace_frequency"]),
          originalUser: image.login,
          architecture: String(meta["architecture"]),
          purpose: String(meta["os_purpose"]),
          description
        },
        versions: lineVersions
      };
      lineImages(family, args);
      const gaps = requiredMetadataGaps(args, policy).map((gap) => `policy: ${gap}`);
      lines.push({
        name: family,
        args,
        notes: [
          ...said,
          ...unchecked,
          `osism versions ${ordered2.map((v) => v.version).join(", ")} as ${lineVersions.map((v) => v.version).join(", ")}`,
          ...gaps
        ]
      });
      notes.push(...gaps.map((gap) => `${family}: ${gap}`));
    }
  }
  return { lines, notes };
}
function convertedTypescript(lines, header) {
  const blocks = lines.map(
    (line) => `${line.notes.map((n) => `  // ${n}`).join("\n")}
  new VersionLine(${quote(line.name)}, ${literal(line.args, "  ")});`
  );
  return `${docComment(header)}
import { VersionLine } from 'image-catalog/pulumi';

export default function catalog(): Promise<Record<string, unknown>> {
${blocks.join("\n\n")}
  return Promise.resolve({});
}
`;
}
var languages2 = ["typescript", "yaml"];
function convertedFiles(lines, files, language) {
  const header = [
    `osism image definitions (${files.map((f) => basename(f)).join(", ")}) as VersionLines, written by \`image-catalog convert\`.`,
    "Set image-catalog:cloud (the owner project that publishes). A public line is an admin's (rule public_visibility)."
  ];
  const project = "catalog-osism";
  const description = `osism image definitions converted by image-catalog convert: ${lines.map((l) => l.name).join(", ")}.`;
  const program3 = language === "yaml" ? yamlDocument(
    project,
    description,
    header,
    lines.map((l) => ({ name: l.name, notes: l.notes, value: { type: componentToken("versionLine"), properties: l.args } }))
  ) : convertedTypescript(lines, header);
  return pulumiProjectFiles(language, project, description, program3);
}
function registerConvert(program3) {
  program3.command("convert").description(
    "Convert osism/openstack-image-manager's image definitions (etc/images/*.yml) into a Pulumi project of VersionLines: each file checked against osism's own schema first (every error with its file, line and field; nothing written), one line per image definition and OS version, its versions numbered 1.0, 1.1, ... by build date (the osism version kept as internal_version), each fetched and checked against its sha256/sha512 before Glance imports it. Exit 0 written, 2 could not."
  ).requiredOption("--from <format>", "the format of the files: osism").argument("<files...>", "osism image definition files (YAML)").requiredOption("--out <dir>", "the folder to write the project into (new, or empty)").option("--language <language>", `${languages2.join(", ")} (not hcl or cdktf: they cannot pin a checksum)`, "typescript").option("--profile <name>", "the profile part of every line's name (default: each definition's os_purpose)").action((files, options) => {
    if (options.from !== "osism") throw new UsageError(`--from ${options.from}: only osism is known`);
    if (options.language === "hcl" || options.language === "cdktf")
      throw new UsageError(
        `--language ${options.language}: not written: osism's versions are pinned by checksum, and terraform-provider-openstack has no attribute to pin one (it imports image_source_url unchecked, as osism itself does: openstack-image-manager#1206); convert writes a Pulumi project (${languages2.join(", ")}), whose VersionLine checks each pin before Glance imports the data; nothing was written`
      );
    if (!languages2.includes(options.language))
      throw new UsageError(`--language ${options.language}: not one of ${languages2.join(", ")}`);
    const out = resolve2(options.out);
    if (existsSync2(out) && (!statSync2(out).isDirectory() || readdirSync2(out).length > 0))
      throw new UsageError(`--out ${options.out}: not an empty folder; nothing was written`);
    const problems = [];
    const converted = [];
    const notes = [];
    for (const file of files) {
      let text2;
      try {
        text2 = readFileSync2(file, "utf8");
      } catch (err) {
        problems.push({ file, line: 1, field: "(file)", message: err.message });
        continue;
      }
      try {
        const result = osismLines(file, readOsismFile(file, text2), options.profile);
        converted.push(...result.lines);
        notes.push(...result.notes);
      } catch (err) {
        if (err instanceof OsismFileError) problems.push(...err.problems);
        else problems.push({ file, line: 1, field: "(definition)", message: err.message });
      }
    }
    if (problems.length > 0)
      throw new UsageError(
        `${problems.map((p) => `${p.file}:${String(p.line)}: ${p.field}: ${p.message}`).join("\n")}
nothing was written`
      );
    const written = convertedFiles(converted, files, options.language);
    mkdirSync2(out, { recursive: true });
    for (const [file, content] of Object.entries(written)) writeFileSync2(join2(out, file), content);
    process.stdout.write(
      `convert: ${String(converted.length)} line${converted.length === 1 ? "" : "s"} (${converted.map((l) => `${l.name}: ${String(l.args.versions.length)}`).join("; ")}) written to ${out}
` + notes.map((n) => `convert: ${n}
`).join("")
    );
  });
}

// provider/cli/audit.ts
import { writeFileSync as writeFileSync3 } from "node:fs";

// provider/github/sarif.ts
import { createHash } from "node:crypto";
import { readFileSync as readFileSync4 } from "node:fs";
import { gzipSync } from "node:zlib";

// provider/policy/rules.ts
import { readFileSync as readFileSync3 } from "node:fs";
import { fileURLToPath } from "node:url";
var rulesPath = fileURLToPath(new URL("../../policies/build/rules.json", import.meta.url));
var loaded;
function catalogRules() {
  return loaded ??= JSON.parse(readFileSync3(rulesPath, "utf8"));
}

// provider/github/sarif.ts
var sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
function packageTool() {
  const manifest2 = JSON.parse(readFileSync4(new URL("../../package.json", import.meta.url), "utf8"));
  return { version: manifest2.version, informationUri: manifest2.homepage ?? "https://www.npmjs.com/package/image-catalog" };
}
function nameOf(title) {
  return title.split(/[^A-Za-z0-9]+/).filter((w) => w !== "").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}
function sentence(text2) {
  const trimmed = text2.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
var sarifLevels = { mandatory: "error", advisory: "warning", disabled: "none" };
function driverOf(tool, levels = {}) {
  const rules = catalogRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const driver = {
    name: "image-catalog",
    version: tool.version,
    semanticVersion: tool.version,
    informationUri: tool.informationUri,
    rules: rules.map((r) => ({
      id: r.id,
      name: nameOf(r.title),
      shortDescription: { text: sentence(r.title) },
      fullDescription: { text: sentence(r.description) },
      help: {
        text: `${sentence(r.description)}
Remediation: ${sentence(r.remediation)}`,
        markdown: `${markdownText(sentence(r.description))}

**Remediation:** ${markdownText(sentence(r.remediation))}

Declared in \`${r.source.file}\`.`
      },
      defaultConfiguration: { level: sarifLevels[levels[r.id] ?? "mandatory"] },
      properties: { tags: ["image-catalog", "policy"], remediation: r.remediation }
    }))
  };
  return { driver, index };
}
function fingerprint(...parts) {
  return { "imageCatalogFinding/v1": createHash("sha256").update(parts.join("\0")).digest("hex") };
}
function sarifLog(runs, tool) {
  const { driver, index } = driverOf(tool);
  return {
    $schema: sarifSchema,
    version: "2.1.0",
    runs: runs.map((run2) => ({
      tool: { driver },
      automationDetails: { id: `image-catalog/${run2.stack}/` },
      columnKind: "utf16CodeUnits",
      results: run2.violations.map((v) => {
        const location = v.location ?? run2.fallback;
        const where = v.location === void 0 || v.undeclared === true ? ` (${undeclaredNote})` : "";
        return {
          ruleId: v.rule,
          ruleIndex: index.get(v.rule) ?? -1,
          level: v.level === "mandatory" ? "error" : "warning",
          message: { text: redact(sentence(`${v.address}${v.field === "" ? "" : ` ${v.field}`}: ${v.message}${where}`)) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: location.path },
                region: { startLine: location.line }
              }
            }
          ],
          partialFingerprints: fingerprint(run2.stack, v.rule, v.address, v.field)
        };
      })
    }))
  };
}
function auditSarifLog(cloud, findings, tool, context = {}) {
  const { driver, index } = driverOf(tool, context.levels);
  return {
    $schema: sarifSchema,
    version: "2.1.0",
    runs: [
      {
        tool: { driver },
        automationDetails: { id: `image-catalog-audit/${cloud}/` },
        // What the audit could not judge (a partial audit is said, not hidden).
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: (context.notes ?? []).map((note) => ({ level: "note", message: { text: sentence(note) } }))
          }
        ],
        results: findings.map((f) => {
          const name = f.image.name ?? "(no name)";
          const problems = f.problems.map((p) => `${p.field === "" ? "" : `${p.field}: `}${p.message}`).join("; ");
          return {
            ruleId: f.rule,
            ruleIndex: index.get(f.rule) ?? -1,
            level: f.level === "mandatory" ? "error" : "warning",
            message: { text: redact(sentence(`Image ${JSON.stringify(name)} (${f.image.id}): ${problems}`)) },
            locations: [
              {
                logicalLocations: [{ name, fullyQualifiedName: `images/${f.image.id}`, kind: "resource" }]
              }
            ],
            partialFingerprints: fingerprint(cloud, f.rule, f.image.id)
          };
        })
      }
    ]
  };
}
function encodeSarif(log) {
  return gzipSync(Buffer.from(JSON.stringify(log))).toString("base64");
}
async function uploadSarif(client, target, log) {
  const uploaded = await client.rest.codeScanning.uploadSarif({
    owner: target.owner,
    repo: target.repo,
    commit_sha: target.commitSha,
    ref: target.ref,
    sarif: encodeSarif(log),
    tool_name: "image-catalog"
  });
  return uploaded.data.id ?? "";
}

// provider/pulumi/state.ts
function managedImages(exported) {
  return (exported.deployment.resources ?? []).flatMap(
    (r) => kindOfType(r.type) === "image" && typeof r.id === "string" && r.id !== "" && r["delete"] !== true ? [{ urn: r.urn, id: r.id, inputs: r.inputs ?? {}, outputs: r.outputs ?? {} }] : []
  );
}

// provider/cli/audit.ts
var formats = ["text", "json", "sarif"];
function imageText(f) {
  return `${f.image.name === null ? "(no name)" : JSON.stringify(f.image.name)} (${f.image.id})`;
}
function formatAudit(audit, cloud) {
  const scope = audit.owner === void 0 ? "" : ` of owner ${audit.owner}`;
  const head = `audit of cloud ${JSON.stringify(cloud)} on ${audit.today}: ${audit.images} image${audit.images === 1 ? "" : "s"} seen, ${audit.judged} judged${scope}`;
  const blocks = audit.findings.map(
    (f) => [
      `${f.level === "mandatory" ? "\u2716" : "!"} ${f.level}  ${f.rule}  ${imageText(f)}  owner ${f.image.owner || "?"}, ${f.image.visibility}`,
      ...f.problems.map((p) => `  ${p.message}`),
      `  fix: ${f.remediation}`
    ].join("\n")
  );
  const mandatory = audit.findings.filter((f) => f.level === "mandatory").length;
  const flagged = new Set(audit.findings.map((f) => f.image.id)).size;
  const verdict = audit.findings.length === 0 ? `audit: no finding; ${audit.judged} image${audit.judged === 1 ? "" : "s"} clean` : `audit: ${audit.findings.length} finding${audit.findings.length === 1 ? "" : "s"} on ${flagged} image${flagged === 1 ? "" : "s"} (${mandatory} mandatory, ${audit.findings.length - mandatory} advisory); ${audit.judged - flagged} image${audit.judged - flagged === 1 ? "" : "s"} clean`;
  return [head, ...blocks, ...audit.notes.map((n) => `note: ${n}`), verdict].join("\n\n") + "\n";
}
function stackReport(stack, managed, live, owner, auditor) {
  const drifted = [];
  const unseen = [];
  for (const image of managed) {
    const wire = live.get(image.id);
    if (wire === void 0)
      unseen.push({ urn: image.urn, id: image.id, name: typeof image.inputs["name"] === "string" ? image.inputs["name"] : null });
    else {
      const drift = imageDrift(image.inputs, wire);
      if (drift.length > 0) drifted.push({ urn: image.urn, id: image.id, name: wire.name ?? null, drift });
    }
  }
  const owners = owner === void 0 ? [...new Set(managed.map((m) => m.outputs["owner"]).filter((o) => typeof o === "string" && o !== ""))].sort() : [owner];
  const ids = new Set(managed.map((m) => m.id));
  const unmanaged = [...live.values()].filter((w) => !ids.has(w.id) && typeof w["owner"] === "string" && owners.includes(w["owner"])).map((w) => ({
    id: w.id,
    name: w.name ?? null,
    owner: String(w["owner"]),
    visibility: typeof w["visibility"] === "string" ? w["visibility"] : ""
  })).sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "") || a.id.localeCompare(b.id));
  const notes = auditor === void 0 || auditor.admin || owners.every((o) => o === auditor.project) ? [] : [
    `this cloud's project (${auditor.project}) sees of other owners' images only those shared with it or public: the unmanaged list may be short; audit as the owner or an admin`
  ];
  return { stack, images: managed.length, drifted, unseen, owners, unmanaged, notes };
}
function formatStackReport(report2) {
  const lines = [
    `stack ${report2.stack}: ${report2.images} image${report2.images === 1 ? "" : "s"} managed, ${report2.drifted.length} drifted, ${report2.unseen.length} not seen; ${report2.unmanaged.length} live image${report2.unmanaged.length === 1 ? "" : "s"} of its owner${report2.owners.length === 1 ? "" : "s"} (${report2.owners.join(", ") || "none"}) not managed by it`
  ];
  for (const d of report2.drifted) {
    lines.push(`~ drift      ${d.name === null ? "(no name)" : JSON.stringify(d.name)} (${d.id})  ${d.urn}`);
    const text2 = (value, none) => value === null ? none : JSON.stringify(value);
    for (const f of d.drift) lines.push(`    ${f.field}: applied ${text2(f.applied, "(not declared)")}, live ${text2(f.live, "(not set)")}`);
  }
  for (const u of report2.unseen)
    lines.push(
      `- not seen   ${u.name === null ? "(no name)" : JSON.stringify(u.name)} (${u.id})  ${u.urn} (deleted outside the stack, or not visible to this cloud)`
    );
  for (const note of report2.notes) lines.push(`note: ${note}`);
  for (const u of report2.unmanaged)
    lines.push(`+ unmanaged  ${u.name === null ? "(no name)" : JSON.stringify(u.name)} (${u.id})  owner ${u.owner}, ${u.visibility}`);
  return `${lines.join("\n")}
`;
}
async function auditStack(options, audit, session, owner) {
  const { openStack } = await loadAutomation();
  let managed;
  try {
    const stack = await openStack(stackTarget(options), void 0, { existing: true });
    managed = managedImages(await stack.exportStack());
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--stack ${options.stack}: its state cannot be read: ${stackFailure(err)}`);
  }
  const live = new Map(audit.snapshot.map((w) => [w.id, w]));
  for (const image of managed) {
    if (live.has(image.id)) continue;
    try {
      live.set(image.id, await getImage(session, image.id));
    } catch (err) {
      if (!isNotFound(err) && !isForbidden(err)) throw err;
    }
  }
  const identity = await session.identity();
  return stackReport(options.stack, managed, live, owner, { project: identity.project_id, admin: audit.adminProjects !== void 0 });
}
function auditJson(audit, cloud, stack) {
  return {
    cloud,
    today: audit.today,
    images: audit.images,
    judged: audit.judged,
    owner: audit.owner ?? null,
    admin_projects: audit.adminProjects ?? null,
    findings: audit.findings,
    notes: audit.notes,
    ...stack === void 0 ? {} : { stack }
  };
}
async function auditCommand(options) {
  const overrides = readOverrides(options.data ?? []);
  const cloud = options.cloud ?? process.env["OS_CLOUD"] ?? "(OS_* environment)";
  const session = cloudSession(options.cloud);
  try {
    const audit = await auditCatalog(session, {
      overrides,
      ...options.owner === void 0 ? {} : { owner: options.owner },
      ...options.today === void 0 ? {} : { today: options.today }
    });
    if (options.stack === void 0) return { audit, cloud };
    const target = {
      cwd: options.cwd ?? ".",
      stack: options.stack,
      ...options.stateDir === void 0 ? {} : { stateDir: options.stateDir }
    };
    return { audit, cloud, stack: await auditStack(target, audit, session, options.owner) };
  } catch (err) {
    if (isUnusableInput(err)) throw new UsageError(`could not audit cloud ${JSON.stringify(cloud)}: ${err.message}`);
    throw err;
  } finally {
    await session.close();
  }
}
function registerAudit(program3) {
  program3.command("audit").description(
    "Judge the live catalog a cloud sees with the catalog policy, as it is: each image (all visibilities, hidden ones and pending shares included) as if written unchanged (naming, required metadata, the SCS-0102 profile when on, channels), names used twice, versions published out of order, deprecated images still listed, images past their end of life not deprecated, and public images of a project without an admin (when the cloud may list role assignments). One finding per image and rule. Exit 0 without a mandatory finding, 1 with one, 2 when the audit could not run."
  ).option("--cloud <name>", "the clouds.yaml cloud to audit as (default: OS_CLOUD, else the OS_* environment)").option("--owner <project-id>", "judge only this project's images (the rest of the catalog still counts for names and versions)").option("--data <file...>", "policy data overrides (YAML or JSON), merged over the bundled policies/data.json").option("--format <format>", formats.join(", "), "text").option("--sarif <file>", "also write the findings as SARIF 2.1.0 to this file (for code scanning)").option(
    "--stack <name>",
    "also compare this Pulumi stack's images with the live ones (drift: field, applied value, live value) and list the live images of their owners it does not manage"
  ).option("--cwd <dir>", "with --stack: the project folder (its Pulumi.yaml)", ".").option("--state-dir <dir>", "with --stack: a local file backend folder (default: the backend of PULUMI_BACKEND_URL or pulumi login)").action(
    async (options) => {
      if (!formats.includes(options.format))
        throw new UsageError(`--format ${options.format}: not one of ${formats.join(", ")}`);
      const format = options.format;
      const { audit, cloud, stack } = await auditCommand(options);
      const sarif = () => auditSarifLog(cloud, audit.findings, packageTool(), { levels: audit.levels, notes: audit.notes });
      if (options.sarif !== void 0) writeFileSync3(options.sarif, `${JSON.stringify(sarif(), null, 2)}
`);
      if (format === "json") process.stdout.write(`${JSON.stringify(auditJson(audit, cloud, stack), null, 2)}
`);
      else if (format === "sarif") process.stdout.write(`${JSON.stringify(sarif(), null, 2)}
`);
      else process.stdout.write(`${formatAudit(audit, cloud)}${stack === void 0 ? "" : `
${formatStackReport(stack)}`}`);
      process.exitCode = audit.findings.some((f) => f.level === "mandatory") ? 1 : 0;
    }
  );
}

// provider/cli/doctor.ts
var import_yaml3 = __toESM(require_dist(), 1);
import { execFile } from "node:child_process";
import { existsSync as existsSync3, readFileSync as readFileSync5 } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join as join3 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { promisify } from "node:util";
var run = promisify(execFile);
var nodeReasonVariable = "IMAGE_CATALOG_NODE";
function minimumNode() {
  const manifest2 = JSON.parse(readFileSync5(new URL("../../package.json", import.meta.url), "utf8"));
  const [major = 0, minor = 0] = manifest2.engines.node.replace(/^>=\s*/, "").split(".").map(Number);
  return [major, minor];
}
function meetsFloor(version) {
  const [wantMajor, wantMinor] = minimumNode();
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  return major > wantMajor || major === wantMajor && minor >= wantMinor;
}
function nodeLine() {
  const [wantMajor, wantMinor] = minimumNode();
  const ok = meetsFloor(process.versions.node);
  const why = process.env[nodeReasonVariable] ?? "the node that runs this command";
  return {
    name: "node",
    ok,
    detail: `${process.version}  ${process.execPath}  (${ok ? why : `image-catalog needs Node >= ${wantMajor}.${wantMinor}: install Node 24 LTS`})`
  };
}
function onPath(file) {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    if (dir !== "" && existsSync3(join3(dir, file))) return join3(dir, file);
  }
  return void 0;
}
async function versionOf(path, args) {
  try {
    const { stdout } = await run(path, [...args], { timeout: 2e4, env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
    return stdout.trim().split("\n")[0];
  } catch {
    return void 0;
  }
}
function projectPackage(name) {
  try {
    const manifest2 = createRequire(join3(process.cwd(), "package.json")).resolve(`${name}/package.json`);
    return JSON.parse(readFileSync5(manifest2, "utf8")).version;
  } catch {
    return void 0;
  }
}
function pluginLine() {
  const name = pluginName;
  const found = onPath(name);
  const shipped = join3(pluginDir, name);
  if (found !== void 0) return { name, ok: true, detail: `on PATH: ${found}` };
  return {
    name,
    ok: existsSync3(shipped),
    detail: existsSync3(shipped) ? `${shipped} (a run of this package's Automation API puts its folder on PATH; for the pulumi CLI see docs/pulumi.md#the-provider-plugin)` : `missing from the package (${shipped}): reinstall image-catalog`
  };
}
async function pulumiLines() {
  const sdk = projectPackage("@pulumi/pulumi");
  if (sdk === void 0)
    return [
      {
        name: "pulumi",
        ok: false,
        needed: false,
        detail: "not checked: this project has no @pulumi/pulumi (the Pulumi layer is not used)"
      }
    ];
  const pulumi = onPath("pulumi");
  const lines = [];
  if (pulumi === void 0) {
    lines.push({
      name: "pulumi",
      ok: false,
      detail: "not on PATH: install the Pulumi CLI (programs run through it, with the Automation API)"
    });
  } else {
    const version = await versionOf(pulumi, ["version"]);
    lines.push({
      name: "pulumi",
      ok: version !== void 0,
      detail: `${version ?? "does not answer `pulumi version`"}  ${pulumi}  (@pulumi/pulumi ${sdk})`
    });
  }
  return [...lines, pluginLine(), await pluginNodeLine(), ...languageHostLine(pulumi)];
}
async function pluginNodeLine() {
  const node = onPath("node");
  const version = node === void 0 ? void 0 : await versionOf(node, ["--version"]);
  const [wantMajor, wantMinor] = minimumNode();
  const ok = version !== void 0 && meetsFloor(version);
  return {
    name: "node on PATH",
    ok,
    needed: false,
    warn: true,
    detail: ok ? `${version}  ${node ?? ""}  (the provider plugin runs with it under the pulumi CLI)` : `${version ?? "none"}  ${node ?? ""}: the provider plugin runs with the node on PATH under the pulumi CLI, and needs Node >= ${wantMajor}.${wantMinor}: put Node 24 first on PATH for \`pulumi up\` (this package's Automation API runs put their own Node first)`
  };
}
function languageHostLine(pulumi) {
  let runtime;
  try {
    runtime = (0, import_yaml3.parse)(readFileSync5(join3(process.cwd(), "Pulumi.yaml"), "utf8"))?.runtime;
  } catch {
    return [];
  }
  const name = typeof runtime === "object" && runtime !== null ? runtime.name : runtime;
  if (typeof name !== "string") return [];
  const host = `pulumi-language-${name}`;
  const beside = pulumi === void 0 ? void 0 : join3(dirname(pulumi), host);
  const found = onPath(host) ?? (beside !== void 0 && existsSync3(beside) ? beside : void 0);
  if (found !== void 0)
    return [{ name: host, ok: true, detail: `${found}  (runtime ${name} in Pulumi.yaml: pulumi up runs the program with it)` }];
  return [
    {
      name: host,
      ok: false,
      needed: false,
      warn: true,
      detail: `not on PATH nor beside pulumi: \`pulumi up\` from the CLI fails for want of it (runtime ${name} in Pulumi.yaml). Install the Pulumi CLI with Pulumi's installer or release archive, which ship the language hosts beside pulumi; or run the program through the Automation API (docs/install.md), which needs none`
    }
  ];
}
async function cdktfLines() {
  const cdktn = projectPackage("cdktn");
  if (cdktn === void 0)
    return [
      {
        name: "tofu",
        ok: false,
        needed: false,
        detail: "not checked: this project has no cdktn (the CDKTF layer is not used; plan-check needs no tofu)"
      }
    ];
  const explicit = process.env["IMAGE_CATALOG_TERRAFORM"];
  const binary = explicit !== void 0 && explicit !== "" ? explicit : onPath("tofu") ?? onPath("terraform");
  const version = binary === void 0 ? void 0 : await versionOf(binary, ["version"]);
  const shipped = fileURLToPath2(new URL("../../bin/image-catalog-tofu.js", import.meta.url));
  const gate = onPath("image-catalog-tofu") ?? (existsSync3(shipped) ? shipped : void 0);
  return [
    {
      name: "tofu",
      ok: version !== void 0,
      detail: binary === void 0 ? "neither tofu nor terraform on PATH (the gate runs it; IMAGE_CATALOG_TERRAFORM names another)" : `${version ?? "does not answer `version`"}  ${binary}  (cdktn ${cdktn})`
    },
    {
      name: "image-catalog-tofu",
      ok: gate !== void 0,
      detail: gate === void 0 ? `missing from the package (${shipped}): reinstall image-catalog` : `${gate}  (deploy with TERRAFORM_BINARY_NAME=${gate === shipped ? gate : "image-catalog-tofu"})`
    }
  ];
}
async function bundleLine() {
  try {
    await PolicyEngine.load();
    return { name: "policy bundle", ok: true, detail: "loads (policies/build/catalog.wasm, policies/data.json)" };
  } catch (err) {
    return { name: "policy bundle", ok: false, detail: err.message };
  }
}
async function opaLine() {
  const opa = onPath("opa");
  const version = opa === void 0 ? void 0 : await versionOf(opa, ["version"]);
  return {
    name: "opa",
    ok: opa !== void 0,
    needed: false,
    detail: opa === void 0 ? "not on PATH (only `image-catalog policy test` needs it)" : `${version ?? "?"}  ${opa}`
  };
}
async function packageDoctorLines() {
  return [nodeLine(), await bundleLine(), ...await pulumiLines(), ...await cdktfLines(), await opaLine()];
}
function doctorReport(lines) {
  return { ok: lines.every((l) => l.ok || l.needed === false), lines };
}
function formatDoctor(report2, remedy = "see the detail of each FAIL line") {
  const width = Math.max(...report2.lines.map((l) => l.name.length));
  const mark = (l) => l.ok ? "ok  " : l.needed === false ? "--  " : "FAIL";
  const body = report2.lines.map((l) => `${mark(l)}  ${l.name.padEnd(width)}  ${l.detail}`).join("\n");
  const warned = report2.lines.filter((l) => l.warn === true && !l.ok).map((l) => l.name);
  const verdict = report2.ok ? `everything needed is present${warned.length === 0 ? "" : `; missing for some ways of running (see its line): ${warned.join(", ")}`}` : `something needed is missing: ${remedy}`;
  return `${body}

${verdict}
`;
}

// provider/cli/migrate.ts
import { execFileSync } from "node:child_process";
import { join as join4 } from "node:path";

// provider/pulumi/migrate.ts
import { randomUUID } from "node:crypto";
var dynamicProviderType = "pulumi:providers:pulumi-nodejs";
function urnPrefix(urn) {
  return urn.split("::").slice(0, 2).join("::");
}
function migrateUrn(urn) {
  return kinds.reduce((text2, kind) => text2.split(legacyTypeToken(kind)).join(typeToken(kind)), urn);
}
function settingsOf(dynamicProvider) {
  const inputs = dynamicProvider?.inputs ?? {};
  return Object.fromEntries(
    configKeys.flatMap((key) => `${packageName}:${key}` in inputs ? [[key, inputs[`${packageName}:${key}`]]] : [])
  );
}
function strip(bag) {
  if (bag === void 0) return void 0;
  return Object.fromEntries(Object.entries(bag).filter(([key]) => key !== "__provider" && key !== "resourceName"));
}
function migrateDeployment(exported) {
  const resources = exported.deployment.resources ?? [];
  if ((exported.deployment.pending_operations ?? []).length > 0)
    throw new Error("the stack has pending operations (an interrupted update): run `pulumi refresh` first, then migrate");
  const legacy = resources.filter((r) => kindOfType(r.type) !== void 0 && r.type.startsWith("pulumi-nodejs:dynamic/"));
  if (legacy.length === 0) return { deployment: exported, report: { moved: [], provider: void 0 } };
  const oldProviderRefs = new Set(legacy.map((r) => r.provider).filter((p) => p !== void 0));
  const oldProviders = resources.filter(
    (r) => r.type === dynamicProviderType && [...oldProviderRefs].some((ref) => ref.startsWith(`${r.urn}::`))
  );
  const [first] = legacy;
  const providerUrn = `${urnPrefix(first?.urn ?? "")}::pulumi:providers:${packageName}::default`;
  const existing = resources.find((r) => r.urn === providerUrn);
  const settings = { ...settingsOf(oldProviders[0]), [instanceKey]: newInstanceKey() };
  const provider = existing ?? {
    urn: providerUrn,
    custom: true,
    id: randomUUID(),
    type: `pulumi:providers:${packageName}`,
    inputs: settings,
    outputs: settings
  };
  const providerRef = `${provider.urn}::${provider.id ?? ""}`;
  const moved = [];
  const migrated = resources.map((r) => {
    const isLegacy = legacy.includes(r);
    const next = { ...r, urn: migrateUrn(r.urn) };
    if (r.parent !== void 0) next.parent = migrateUrn(r.parent);
    if (r.dependencies !== void 0) next.dependencies = r.dependencies.map(migrateUrn);
    if (r.deletedWith !== void 0) next.deletedWith = migrateUrn(r.deletedWith);
    if (r.propertyDependencies !== void 0) {
      const deps = Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map(migrateUrn)]);
      next.propertyDependencies = Object.fromEntries(isLegacy ? deps.filter(([k]) => k !== "__provider" && k !== "resourceName") : deps);
    }
    if (isLegacy) {
      const kind = kindOfType(r.type);
      next.type = kind === void 0 ? r.type : typeToken(kind);
      const inputs = strip(r.inputs);
      const stripped = strip(r.outputs);
      const outputs = stripped === void 0 || kind === void 0 || !hasMarkOutput(kind) ? stripped : { [markOutput]: null, ...stripped };
      if (inputs !== void 0) next.inputs = inputs;
      if (outputs !== void 0) next.outputs = outputs;
      next.provider = providerRef;
      moved.push(next.urn);
    }
    return next;
  });
  const stillUsed = (p) => migrated.some((r) => r.provider?.startsWith(`${p.urn}::`) === true);
  const out = [];
  for (const r of migrated) {
    if (oldProviders.some((p) => p.urn === r.urn)) {
      if (existing === void 0 && !out.includes(provider)) out.push(provider);
      if (stillUsed(r)) out.push(r);
      continue;
    }
    out.push(r);
  }
  if (!out.includes(provider) && existing === void 0) out.splice(1, 0, provider);
  return {
    deployment: { ...exported, deployment: { ...exported.deployment, resources: out } },
    report: { moved, provider: provider.urn }
  };
}

// provider/cli/migrate.ts
function registerMigrate(program3) {
  withStackOptions(program3.command("migrate")).description(
    "Move a stack made by the dynamic providers of image-catalog 0.1 (types pulumi-nodejs:dynamic/image-catalog:*) to the provider plugin (image-catalog:index:*) without re-creating anything: its state is exported (a copy is kept beside it), each resource gets its new type, its serialized provider code goes, and the state is imported back. No API call to the Image Service. Then `pulumi preview` with this release shows no change."
  ).option("--dry-run", "say what would move, change nothing").action(async (options) => {
    const target = stackTarget(options);
    const cwd = target.cwd;
    const { openStack } = await loadAutomation();
    const stack = await openStack(target);
    const exported = await stack.exportStack();
    const { deployment, report: report2 } = migrateDeployment(exported);
    if (report2.moved.length === 0) {
      process.stdout.write(`stack ${options.stack}: no resource of the dynamic providers: nothing to migrate
`);
      return;
    }
    for (const urn of report2.moved) process.stdout.write(`  ${urn}
`);
    if (options.dryRun === true) {
      process.stdout.write(`stack ${options.stack}: ${report2.moved.length} resources would move to ${report2.provider}
`);
      return;
    }
    const backup = join4(cwd, `${options.stack}.before-migrate-${Date.now()}.json`);
    execFileSync(stack.workspace.pulumiCommand.command, ["stack", "export", "--stack", options.stack, "--file", backup], {
      cwd,
      env: { ...process.env, ...stack.workspace.envVars },
      stdio: ["ignore", "ignore", "inherit"]
    });
    await stack.importStack(deployment);
    process.stdout.write(
      `stack ${options.stack}: ${report2.moved.length} resources moved to the provider plugin (${report2.provider}); the state before is in ${backup} (pulumi stack import --file it to go back)
`
    );
  });
}

// provider/cli/plan-check.ts
import { readFileSync as readFileSync6 } from "node:fs";
function readPlan(file) {
  let text2;
  try {
    text2 = file === "-" ? readFileSync6(0, "utf8") : readFileSync6(file, "utf8");
  } catch (err) {
    throw new UsageError(`${file}: cannot read it (${err.code ?? err.message})`);
  }
  let plan;
  try {
    plan = JSON.parse(text2);
  } catch (err) {
    throw new UsageError(`${file}: not JSON (${err.message}); give the output of tofu show -json <planfile>`);
  }
  if (typeof plan !== "object" || plan === null || !("format_version" in plan)) {
    throw new UsageError(`${file}: not a plan's JSON (no format_version); give the output of tofu show -json <planfile>`);
  }
  const changes = plan.resource_changes;
  if (changes !== void 0 && !Array.isArray(changes)) throw new UsageError(`${file}: resource_changes is not a list`);
  return plan;
}
async function planCheck(options) {
  const plan = readPlan(options.plan);
  const overrides = readOverrides(options.data ?? []);
  let decided;
  try {
    decided = await decidePlan(plan, { overrides, ...options.cloud === void 0 ? {} : { cloud: options.cloud } });
  } catch (err) {
    throw new UsageError(`could not decide the plan (nothing is allowed without a decision): ${err.message}`);
  }
  const code = decided.decision === void 0 || decided.decision.allowed ? 0 : 1;
  return { decision: decided.decision, changes: decided.changes.length, notes: decided.notes, code };
}
function registerPlanCheck(program3) {
  program3.command("plan-check").argument("<plan>", "the plan's JSON: tofu show -json <planfile> > plan.json (or - for standard input)").description(
    "Decide a Terraform/OpenTofu plan's image, share and acceptance changes, and the servers and volumes it makes from images (terraform-provider-openstack: a revoked image or one past its end of life is refused, a deprecated one warned), with the catalog policy, as the cloud that applies them (its token is the principal; the live catalog is what it sees). Exit 0 allowed, 1 blocked, 2 unusable input or no decision (no token, no catalog)."
  ).option(
    "--cloud <name>",
    "the clouds.yaml cloud that applies every change (default: the cloud of each resource's provider configuration, else OS_CLOUD / OS_*)"
  ).option("--data <file...>", "policy data overrides (YAML or JSON), merged over the bundled policies/data.json").option("--format <format>", "text (default) or json (the decision)", "text").action(async (plan, options) => {
    const checked = await planCheck({ plan, ...options });
    if (options.format === "json") {
      const report2 = { changes: checked.changes, notes: checked.notes, decision: checked.decision ?? null };
      process.stdout.write(`${JSON.stringify(report2, null, 2)}
`);
    } else {
      process.stdout.write(checked.notes.map((note) => `note: ${note}
`).join(""));
      process.stdout.write(
        checked.decision === void 0 ? "no change of an image, share or acceptance, and no server or volume made from an image, in this plan: nothing to decide\n" : `# ${checked.changes} change(s) of the catalog and of what is made from it in this plan
${formatDecision(checked.decision)}`
      );
    }
    process.exitCode = checked.code;
  });
}

// provider/cli/pr-check.ts
var import_yaml5 = __toESM(require_dist(), 1);
import { spawnSync as spawnSync2 } from "node:child_process";
import { existsSync as existsSync5, readdirSync as readdirSync3, readFileSync as readFileSync10, statSync as statSync3, writeFileSync as writeFileSync4 } from "node:fs";
import { basename as basename2, dirname as dirname2, isAbsolute, join as join6, relative as relative2, resolve as resolve4 } from "node:path";

// provider/github/context.ts
import { readFileSync as readFileSync7 } from "node:fs";
var EventFileError = class extends Error {
  name = "EventFileError";
};
function readEvent(env = process.env) {
  const path = env["GITHUB_EVENT_PATH"];
  if (path === void 0 || path === "") {
    if (env["GITHUB_ACTIONS"] === "true")
      throw new EventFileError(
        "GITHUB_EVENT_PATH is not set: inside GitHub Actions the event says the pull request, its base and whether it comes from a fork"
      );
    return {};
  }
  let text2;
  try {
    text2 = readFileSync7(path, "utf8");
  } catch (err) {
    const code = err.code;
    throw new EventFileError(
      `GITHUB_EVENT_PATH ${path}: ${code === "ENOENT" ? "there is no such file" : `cannot be read (${code ?? err.message})`}`
    );
  }
  let value;
  try {
    value = JSON.parse(text2);
  } catch (err) {
    throw new EventFileError(`GITHUB_EVENT_PATH ${path}: is not JSON (${err.message})`);
  }
  const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(value)) throw new EventFileError(`GITHUB_EVENT_PATH ${path}: is not a JSON object (an event payload)`);
  const pr = value.pull_request;
  if (pr !== void 0 && !isObject(pr)) throw new EventFileError(`GITHUB_EVENT_PATH ${path}: pull_request is not an object`);
  return value;
}
function pullRequestContext(flags, env = process.env, event = readEvent(env)) {
  const pr = event.pull_request;
  const repository = flags.repo ?? env["GITHUB_REPOSITORY"];
  const fromRef = /^refs\/pull\/(\d+)\//.exec(flags.ref ?? env["GITHUB_REF"] ?? "")?.[1];
  const number = flags.pr ?? (pr?.number === void 0 ? fromRef : String(pr.number));
  const sha = flags.sha ?? env["GITHUB_SHA"];
  const validNumber = number !== void 0 && /^[1-9]\d*$/.test(number);
  const ref = flags.ref ?? env["GITHUB_REF"] ?? (validNumber ? `refs/pull/${number}/merge` : void 0);
  const missing = [];
  const [owner, repo, ...extra] = (repository ?? "").split("/");
  if (repository === void 0 || owner === "" || repo === void 0 || repo === "" || extra.length > 0)
    missing.push(`the repository as owner/name (--repo or GITHUB_REPOSITORY${repository === void 0 ? "" : `, not "${repository}"`})`);
  if (sha === void 0 || !/^[0-9a-f]{40}$/i.test(sha)) missing.push("the commit (--sha or GITHUB_SHA: 40 hex digits)");
  if (ref === void 0 || !ref.startsWith("refs/")) missing.push("the ref (--ref or GITHUB_REF: refs/\u2026)");
  if (number !== void 0 && !validNumber) missing.push(`the pull request number (--pr: "${number}" is not one)`);
  if (missing.length > 0) return { ok: false, missing };
  const head = pr?.head?.repo?.full_name;
  const base = pr?.base?.repo?.full_name ?? repository;
  const unknownHead = pr !== void 0 && typeof head !== "string";
  return {
    ok: true,
    context: {
      owner: owner ?? "",
      repo: repo ?? "",
      headSha: flags.sha ?? pr?.head?.sha ?? sha ?? "",
      commitSha: sha ?? "",
      ref: ref ?? "",
      pullRequest: number === void 0 ? void 0 : Number(number),
      fromFork: unknownHead || head !== void 0 && head !== base
    }
  };
}
function gitHubToken(env = process.env) {
  const token = env["GITHUB_TOKEN"] ?? env["GH_TOKEN"];
  return token === void 0 || token === "" ? void 0 : token;
}

// provider/github/timeline.ts
var day = (value) => typeof value === "string" && isDate(value.slice(0, 10)) ? value.slice(0, 10) : void 0;
function plus(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 864e5).toISOString().slice(0, 10);
}
var safe = (text2) => text2.replace(/[:#;`\r\n]/g, " ");
function bar(change, family, today) {
  const image = change.image;
  const version = familyKey(change.name ?? "").version;
  if (image === void 0 || version === void 0) return void 0;
  const start = day(image.published) ?? today;
  const until = day(image.provided_until);
  const end = until === void 0 || until < start ? plus(today, 365) : plus(until, 1);
  const channels2 = (image.tags ?? []).filter((t) => t.startsWith(`${family}@`)).map((t) => t.slice(family.length + 1)).filter((channel) => channelPattern.test(channel));
  const revoked = image.status === "deactivated";
  const what = { create: "new", update: "updated", replace: "replaced", delete: "deleted", noop: "" }[change.action];
  const label = [
    `v${version.join(".")}`,
    ...channels2.sort(),
    ...revoked ? ["revoked"] : [],
    ...until === void 0 ? ["no end of life"] : [`until ${until}`],
    ...what === "" ? [] : [`(${what})`]
  ].join(" ");
  const tag = revoked || change.action === "delete" ? "crit, " : until !== void 0 && until < today ? "done, " : channels2.length > 0 ? "active, " : "";
  return { version: version.join("."), order: version, start, end, label: safe(label), tag };
}
function lineTimelines(changes, today = utcToday()) {
  const byFamily = /* @__PURE__ */ new Map();
  for (const change of changes) {
    if (change.kind !== "image" || change.name === void 0) continue;
    const { key, version } = familyKey(change.name);
    if (version === void 0) continue;
    const drawn = bar(change, key, today);
    if (drawn === void 0) continue;
    byFamily.set(key, [...(byFamily.get(key) ?? []).filter((b) => b.version !== drawn.version), drawn]);
  }
  const charts = [...byFamily.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([family, bars]) => {
    const ordered2 = [...bars].sort((a, b) => compareVersions(a.order, b.order));
    return [
      "```mermaid",
      "gantt",
      `  title ${safe(family)}`,
      "  dateFormat YYYY-MM-DD",
      "  axisFormat %Y-%m",
      "  section versions",
      ...ordered2.map((b) => `  ${b.label} :${b.tag}${b.start}, ${b.end}`),
      `  today :milestone, ${today}, 0d`,
      "```"
    ].join("\n");
  });
  return charts.length === 0 ? "" : `### Version lines this change touches

${charts.join("\n\n")}
`;
}

// provider/cli/field-line.ts
var import_yaml4 = __toESM(require_dist(), 1);
import { readFileSync as readFileSync8 } from "node:fs";
import { createRequire as createRequire2 } from "node:module";
import { join as join5 } from "node:path";
function loadTypeScript(projectDir) {
  for (const from of [join5(projectDir, "package.json"), import.meta.url]) {
    try {
      return createRequire2(from)("typescript");
    } catch {
    }
  }
  return void 0;
}
function fieldLine(typescript, position, query) {
  let text2;
  try {
    text2 = readFileSync8(position.file, "utf8");
  } catch {
    return void 0;
  }
  const source = typescript.createSourceFile(position.file, text2, typescript.ScriptTarget.Latest, true);
  const at = source.getPositionOfLineAndCharacter(position.line - 1, Math.max(0, position.column - 1));
  const around = [];
  const visit = (node) => {
    if (node.getStart(source) > at || node.getEnd() <= at) return;
    if (typescript.isNewExpression(node)) around.push(node);
    typescript.forEachChild(node, visit);
  };
  visit(source);
  const call = around.find((n) => n.getStart(source) === at) ?? around.at(-1);
  const objects = [];
  for (const argument of call?.arguments ?? []) if (typescript.isObjectLiteralExpression(argument)) objects.push(argument);
  if (objects.length === 0) return void 0;
  const line = (node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const property = (object, name) => object.properties.find(
    (p) => (typescript.isPropertyAssignment(p) || typescript.isShorthandPropertyAssignment(p)) && (typescript.isIdentifier(p.name) || typescript.isStringLiteral(p.name)) && p.name.text === name
  );
  const find = (object, path, exact) => {
    const [head, ...rest] = path;
    if (head === void 0) return void 0;
    const found = property(object, head);
    if (found === void 0) return void 0;
    if (rest.length === 0) return line(found);
    const value = typescript.isPropertyAssignment(found) ? found.initializer : void 0;
    if (value !== void 0 && typescript.isObjectLiteralExpression(value)) {
      const inner = find(value, rest, exact);
      if (inner !== void 0 || exact) return inner;
      return value.properties.some((p) => typescript.isSpreadAssignment(p)) ? line(found) : void 0;
    }
    return exact ? void 0 : line(found);
  };
  const entries = objects.flatMap((object) => {
    if (query.version === void 0) return [];
    const versions = property(object, "versions");
    const list = versions !== void 0 && typescript.isPropertyAssignment(versions) ? versions.initializer : void 0;
    if (list === void 0 || !typescript.isArrayLiteralExpression(list)) return [];
    return list.elements.filter((e) => {
      if (!typescript.isObjectLiteralExpression(e)) return false;
      const v = property(e, "version");
      return v !== void 0 && typescript.isPropertyAssignment(v) && typescript.isStringLiteral(v.initializer) && v.initializer.text === query.version;
    });
  });
  const scopes = [...entries, ...objects];
  const paths = [query.path, ...query.alternative === void 0 ? [] : [query.alternative]];
  for (const exact of [true, false])
    for (const path of paths)
      for (const scope of scopes) {
        const found = find(scope, path, exact);
        if (found !== void 0) return found;
      }
  return entries[0] === void 0 ? void 0 : line(entries[0]);
}
function hclFieldLine(text2, blockLine, keys) {
  const lines = text2.split("\n");
  let depth = 0;
  const found = /* @__PURE__ */ new Map();
  for (let i = blockLine - 1; i < lines.length; i++) {
    const content = lines[i] ?? "";
    for (const key of keys)
      if (!found.has(key) && new RegExp(`^\\s*"?${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"?\\s*=`).test(content)) found.set(key, i + 1);
    depth += (content.match(/\{/g) ?? []).length - (content.match(/\}/g) ?? []).length;
    if (depth <= 0 && i > blockLine - 1) break;
  }
  return found.get(keys[keys.length - 1] ?? "") ?? found.get(keys[0] ?? "");
}
function yamlFieldLine(text2, name, query) {
  const counter = new import_yaml4.LineCounter();
  const document = (0, import_yaml4.parseDocument)(text2, { lineCounter: counter });
  const resources = document.get("resources", true);
  if (!(0, import_yaml4.isMap)(resources)) return void 0;
  const lineOf = (node) => {
    const range = node?.range;
    return range === void 0 ? void 0 : counter.linePos(range[0]).line;
  };
  const keyOf = (pair2) => (0, import_yaml4.isScalar)(pair2.key) ? String(pair2.key.value) : "";
  const version = query?.version;
  const pair = resources.items.find((p) => keyOf(p) === name) ?? (version === void 0 ? void 0 : resources.items.find((p) => name.startsWith(`${keyOf(p)}-v${version}`)));
  if (pair === void 0) return void 0;
  const properties = (0, import_yaml4.isMap)(pair.value) ? pair.value.get("properties", true) : void 0;
  const versions = (0, import_yaml4.isMap)(properties) ? properties.get("versions", true) : void 0;
  const entry = version === void 0 || !(0, import_yaml4.isSeq)(versions) ? void 0 : versions.items.find((item) => (0, import_yaml4.isMap)(item) && String(item.get("version")) === version);
  const find = (node, path) => {
    let at = node;
    let key;
    for (const part of path) {
      if (!(0, import_yaml4.isMap)(at)) return void 0;
      const found = at.items.find((p) => keyOf(p) === part);
      if (found === void 0) return void 0;
      key = found.key;
      at = found.value;
    }
    return lineOf(key);
  };
  for (const place of [entry, properties])
    for (const path of [query?.path, query?.alternative])
      if (place !== void 0 && path !== void 0) {
        const line = find(place, path);
        if (line !== void 0) return line;
      }
  return lineOf(entry) ?? lineOf(pair.key);
}

// provider/cli/policy-base.ts
import { spawnSync } from "node:child_process";
import { existsSync as existsSync4, readFileSync as readFileSync9 } from "node:fs";
import { relative, resolve as resolve3, sep } from "node:path";
function atBase(root, base, path) {
  const shown2 = spawnSync("git", ["-C", root, "show", `${base}:${path}`], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (shown2.error !== void 0)
    throw new UsageError(`--base ${base}: git is needed to read the base commit's policy data (${shown2.error.message})`);
  if (shown2.status === 0) return shown2.stdout;
  const known = spawnSync("git", ["-C", root, "cat-file", "-e", `${base}^{commit}`], { encoding: "utf8" });
  if (known.status !== 0)
    throw new UsageError(
      `--base ${base}: no such commit in ${root} (the check decides with the base commit's policy data: check out with actions/checkout fetch-depth: 0, or git fetch origin <base>)`
    );
  return void 0;
}
function inRepository(root, file) {
  const rel = relative(root, resolve3(file));
  return rel === "" || rel.startsWith(`..${sep}`) || rel === ".." ? void 0 : rel.split(sep).join("/");
}
function parseDocument3(text2, path) {
  try {
    return parseOverride(text2, path).value;
  } catch (err) {
    if (err instanceof PolicyDataError) throw new UsageError(err.message);
    throw err;
  }
}
function stackPolicyOf(text2, path) {
  if (text2 === void 0) return void 0;
  const config = parseDocument3(text2, path)?.config;
  const value = config?.["image-catalog:policy"];
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
function governedPolicy(root, base, heads, stackConfig) {
  const headStack = stackConfig !== void 0 && existsSync4(stackConfig) ? stackPolicyOf(readFileSync9(stackConfig, "utf8"), stackConfig) : void 0;
  const json = (value) => value === void 0 ? void 0 : typeof value === "string" ? value : JSON.stringify(value);
  if (base === void 0) return { base, overrides: [...heads], stackPolicy: json(headStack), changes: [] };
  const changes = [];
  const overrides = [];
  for (const head of heads) {
    const path = inRepository(root, head.source);
    if (path === void 0) {
      overrides.push(head);
      continue;
    }
    const text2 = atBase(root, base, path);
    const baseValue = text2 === void 0 ? void 0 : parseDocument3(text2, path);
    if (baseValue !== void 0) overrides.push({ source: `${path} at ${base.slice(0, 12)}`, value: baseValue });
    changes.push(...policyDifferences(path, baseValue, head.value));
  }
  let stackPolicy;
  if (stackConfig !== void 0) {
    const path = inRepository(root, stackConfig);
    stackPolicy = path === void 0 ? headStack : stackPolicyOf(atBase(root, base, path), path);
    if (path !== void 0) changes.push(...policyDifferences(`${path} (image-catalog:policy)`, stackPolicy, headStack));
  }
  return { base, overrides, stackPolicy: json(stackPolicy), changes };
}
function baseCommit(flag2, event) {
  return flag2 ?? event.pull_request?.base?.sha;
}

// provider/cli/pr-check.ts
var channels = ["check-run", "comment", "sarif"];
function repositoryRoot(projectDir, env = process.env) {
  const workspace = env["GITHUB_WORKSPACE"];
  if (workspace !== void 0 && workspace !== "") return resolve4(workspace);
  const git = spawnSync2("git", ["rev-parse", "--show-toplevel"], { cwd: projectDir, encoding: "utf8" });
  return git.status === 0 && git.stdout.trim() !== "" ? git.stdout.trim() : resolve4(projectDir);
}
function locate(root, position) {
  if (position === void 0) return void 0;
  const path = relative2(root, position.file).split("\\").join("/");
  if (path === "" || path.startsWith("..") || isAbsolute(path)) return void 0;
  return { path, line: position.line };
}
function placed(v, location, fallback) {
  return location === void 0 ? { ...v, location: fallback, undeclared: true } : { ...v, location };
}
function merged(decisions) {
  if (decisions.length === 0) return void 0;
  return { allowed: decisions.every((d) => d.allowed), violations: decisions.flatMap((d) => d.violations) };
}
function programOf(dir) {
  const project = (0, import_yaml5.parse)(readFileSync10(join6(dir, "Pulumi.yaml"), "utf8"));
  const main = typeof project?.main === "string" && project.main !== "" ? resolve4(dir, project.main) : dir;
  return existsSync5(main) && statSync3(main).isDirectory() ? join6(main, "index.ts") : main;
}
async function checkPulumi(dir, stack, root, refresh, governed) {
  const { stackTarget: stackTarget2 } = await import("./stack-options-7EKUF7N6.js");
  const { loadProgram, previewPlan } = await import("./preview-EOWU5LXY.js");
  const { declarations } = await import("./declarations-WWUUHXXL.js");
  const target = stackTarget2({ cwd: dir, stack });
  const yaml = isYamlProject(target.cwd);
  const programFile = yaml ? join6(target.cwd, "Pulumi.yaml") : programOf(target.cwd);
  const program3 = yaml ? void 0 : await loadProgram(programFile);
  const plan = await previewPlan(target, program3, {
    existing: true,
    refresh,
    // The base commit's stack policy, not the pull request's (when there is a base to compare with).
    ...governed.base === void 0 ? {} : { policy: { value: governed.stackPolicy } }
  });
  const decision = merged(plan.decisions.map((d) => d.decision));
  const urns = Object.assign({}, ...plan.decisions.map((d) => d.urns));
  const declared = declarations();
  const typescript = loadTypeScript(target.cwd);
  const yamlText = yaml ? readFileSync10(programFile, "utf8") : "";
  const at = (v) => {
    const name = v.address.split("::").slice(1).join("::");
    if (yaml) {
      const line = yamlFieldLine(yamlText, name, programField(kindOfAddress(v.address), name, v.field));
      return line === void 0 ? void 0 : { file: programFile, line, column: 1 };
    }
    return fieldAt(typescript, declared.get(urns[v.address] ?? v.address), programField(kindOfAddress(v.address), name, v.field));
  };
  const fallback = locate(root, { file: programFile, line: 1 }) ?? { path: yaml ? "Pulumi.yaml" : "index.ts", line: 1 };
  return {
    kind: "stack",
    stack,
    changes: plan.decisions.reduce((n, d) => n + d.changes, 0),
    notes: [
      ...refresh ? ["the stack's state was refreshed from the Image Service first, so a hand edit is in the plan (--no-refresh skips it)"] : [],
      policyNote(governed),
      // Told from this machine (a store's claim in its config directory, a name another stack instance holds): the
      // apply here would refuse them, whatever the policy says.
      ...plan.refused.map((refusal) => `an apply would refuse: ${refusal}`)
    ],
    decision,
    violations: (decision?.violations ?? []).map((v) => placed(v, locate(root, at(v)), fallback)),
    fallback,
    logged: plan.decisions.flatMap((d) => d.logged)
  };
}
async function checkCdktf(dir, root, governed) {
  const { appEntry, checkApp } = await import("./check-CXCXRJJ2.js");
  const typescript = loadTypeScript(resolve4(dir));
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== policyDataVariable));
  const stacks = await checkApp(dir, {
    env,
    overrides: governed.overrides,
    progress: (line) => process.stderr.write(`image-catalog pr-check: ${line}
`)
  });
  const fallback = locate(root, { file: appEntry(resolve4(dir)), line: 1 }) ?? { path: "cdktf.json", line: 1 };
  return stacks.map((s) => ({
    kind: "stack",
    stack: s.stack,
    changes: s.changes,
    notes: [...s.notes, policyNote(governed)],
    decision: s.decision,
    violations: (s.decision?.violations ?? []).map((v) => {
      const path = s.constructPath(v.address);
      const kind = tpoResources[v.address.split(".").find((part) => part in tpoResources) ?? ""]?.kind;
      return placed(
        { ...v, ...path === void 0 ? {} : { address: `${path} (${v.address})` } },
        locate(root, fieldAt(typescript, s.declaredAt(v.address), programField(kind, path ?? "", v.field))),
        fallback
      );
    }),
    fallback,
    logged: s.logged
  }));
}
function hclDeclarations(dir) {
  const found = /* @__PURE__ */ new Map();
  if (!existsSync5(dir)) return found;
  for (const name of tfFiles(dir)) {
    const file = join6(dir, name);
    readFileSync10(file, "utf8").split("\n").forEach((text2, i) => {
      const resource = /^\s*resource\s+"([^"]+)"\s+"([^"]+)"/.exec(text2);
      if (resource !== null) found.set(`${resource[1]}.${resource[2]}`, { file, line: i + 1, column: 1 });
      const module = /^\s*module\s+"([^"]+)"/.exec(text2);
      if (module !== null) found.set(`module.${module[1]}`, { file, line: i + 1, column: 1 });
    });
  }
  return found;
}
function tfFiles(dir) {
  return existsSync5(dir) ? readdirSync3(dir).filter((f) => f.endsWith(".tf")).sort() : [];
}
function hclLine(declared, address, configAddress) {
  const call = /^module\.([^.[]+)/.exec(address);
  return call === null ? declared.get(configAddress(address)) : declared.get(`module.${call[1] ?? ""}`);
}
async function checkPlanFile(file, configDir, root, governed) {
  const { configAddress, decidePlan: decidePlan2 } = await import("./decide-J3TMGXW7.js");
  const plan = readPlan(file);
  const decided = await decidePlan2(plan, { overrides: governed.overrides });
  const declared = hclDeclarations(configDir);
  const first = tfFiles(configDir)[0];
  const fallback = locate(root, { file: first === void 0 ? resolve4(file) : join6(configDir, first), line: 1 }) ?? {
    path: "main.tf",
    line: 1
  };
  return {
    kind: "configuration",
    stack: relative2(root, resolve4(configDir)) || basename2(resolve4(configDir)),
    changes: decided.changes.length,
    notes: [...decided.notes, policyNote(governed)],
    decision: decided.decision,
    violations: (decided.decision?.violations ?? []).map((v) => {
      const block = hclLine(declared, v.address, configAddress);
      const keys = hclKeys(v.address, v.field);
      const line = block === void 0 || keys.length === 0 ? void 0 : hclFieldLine(readFileSync10(block.file, "utf8"), block.line, keys);
      return placed(v, locate(root, line === void 0 || block === void 0 ? block : { ...block, line }), fallback);
    }),
    fallback,
    logged: decided.changes.map(loggedChange)
  };
}
function programField(kind, name, field) {
  if (kind === void 0 || field === "") return void 0;
  const [head = "", ...rest] = field.split(".");
  const local = kindDescriptors[kind].schema().fields.find((f) => f.wire === head)?.local ?? head;
  const path = local === "imageId" ? ["imageId"] : [local, ...rest];
  const version = /(?:-v|\/v)(\d+\.\d+)(?:$|\/)/.exec(name)?.[1];
  const alternatives = {
    imageId: ["image"],
    "properties.os_version": ["osVersion"],
    "properties.os_distro": ["os"]
  };
  const alternative = alternatives[local === "imageId" ? "imageId" : field];
  return { path, ...version === void 0 ? {} : { version }, ...alternative === void 0 ? {} : { alternative } };
}
function kindOfAddress(address) {
  const title = address.split("::")[0] ?? "";
  return kinds.find((k) => kindDescriptors[k].schema().title === title);
}
function fieldAt(typescript, position, query) {
  if (position === void 0 || typescript === void 0 || query === void 0) return position;
  const line = fieldLine(typescript, position, query);
  return line === void 0 ? position : { ...position, line };
}
function hclKeys(address, field) {
  const type = address.split(".").find((part) => part in tpoResources) ?? "";
  const wire = tpoResources[type]?.wire ?? {};
  const [head = "", ...rest] = field.split(".");
  if (head === "") return [];
  const attribute = Object.entries(wire).find(([, w]) => w === head)?.[0] ?? head;
  return [attribute, ...rest];
}
function policyNote(governed) {
  return governed.base === void 0 ? "decided with the working tree's policy data (no base commit: --base, or a pull_request event, gives one)" : `decided with the policy data of the base commit ${governed.base.slice(0, 12)}, not the pull request's`;
}
function policyChangeLine(root, source, field) {
  const path = source.replace(/ \(image-catalog:policy\)$/, "");
  const key = field.split(".").at(-1) ?? field;
  let line = 1;
  try {
    const found = readFileSync10(join6(root, path), "utf8").split("\n").findIndex((text2) => text2.includes(key));
    if (found >= 0) line = found + 1;
  } catch {
  }
  return { path, line };
}
async function checkPolicyChanges(governed, root) {
  if (governed.changes.length === 0) return void 0;
  const { PolicyEngine: PolicyEngine2 } = await import("./engine-ETBP4VF2.js");
  const { buildEnvelope } = await import("./envelope-F2PR2DRN.js");
  const stack = governed.stackPolicy === void 0 ? [] : [{ source: "base stack config image-catalog:policy", value: JSON.parse(governed.stackPolicy) }];
  const engine = await PolicyEngine2.load({ overrides: [...governed.overrides, ...stack] });
  const nobody = { user_id: "(pull request)", project_id: "(pull request)", roles: [] };
  const decision = engine.decide(buildEnvelope(nobody, [], [], governed.changes));
  const fallback = policyChangeLine(root, governed.changes[0]?.source ?? ".", "");
  return {
    kind: "policy",
    stack: "policy data",
    changes: governed.changes.length,
    notes: [policyNote(governed)],
    decision,
    violations: decision.violations.map((v) => ({ ...v, location: policyChangeLine(root, v.address, v.field) })),
    fallback,
    logged: []
  };
}
function resultOf(checked) {
  if (checked.undecided !== void 0) return { decision: void 0, violations: [], undecided: checked.undecided };
  const decision = merged(checked.stacks.flatMap((s) => s.decision === void 0 ? [] : [s.decision]));
  const timelines = lineTimelines(checked.stacks.flatMap((s) => s.logged));
  const notes = [...new Set(checked.stacks.flatMap((s) => s.notes))];
  return {
    decision,
    violations: checked.stacks.flatMap((s) => s.violations),
    ...timelines === "" ? {} : { timelines },
    ...notes.length === 0 ? {} : { notes }
  };
}
function reportChannels(value, env = process.env) {
  if (value === void 0) return env["GITHUB_ACTIONS"] === "true" ? ["check-run", "comment"] : [];
  if (value === "none") return [];
  const named = value.split(",").map((c) => c.trim());
  if (named.includes("none")) throw new UsageError(`--report ${value}: none posts nothing, so it stands alone`);
  const unknown = named.filter((c) => !channels.includes(c));
  if (unknown.length > 0) throw new UsageError(`--report ${value}: ${unknown.join(", ")}: not a channel (${channels.join(", ")}, or none)`);
  return [...new Set(named)];
}
async function check(options, event) {
  const given = [options.pulumi, options.cdktf, options.plan].filter((o) => o !== void 0);
  if (given.length !== 1) throw new UsageError("give one of --pulumi DIR, --cdktf DIR or --plan FILE");
  if (options.pulumi !== void 0 && options.data !== void 0)
    throw new UsageError(
      "--data with --pulumi: a Pulumi stack's policy data is its config image-catalog:policy, which the check uses, as pulumi up does"
    );
  const files = [...options.data ?? [], ...(process.env[policyDataVariable] ?? "").split(":").filter((f) => f !== "")];
  const heads = readOverrides(files);
  const projectDir = resolve4(options.pulumi ?? options.cdktf ?? options.configDir ?? dirname2(options.plan ?? "."));
  if (!existsSync5(projectDir)) throw new UsageError(`${projectDir}: no such folder`);
  const root = repositoryRoot(projectDir);
  const stackConfig = options.pulumi === void 0 ? void 0 : join6(resolve4(options.pulumi), `Pulumi.${options.stack}.yaml`);
  const governed = governedPolicy(root, baseCommit(options.base, event), heads, stackConfig);
  const policyCheck = await checkPolicyChanges(governed, root);
  const withPolicy = (stacks) => ({ stacks: policyCheck === void 0 ? stacks : [policyCheck, ...stacks] });
  try {
    if (options.pulumi !== void 0)
      return { checked: withPolicy([await checkPulumi(options.pulumi, options.stack, root, options.refresh, governed)]), root };
    if (options.cdktf !== void 0) return { checked: withPolicy(await checkCdktf(options.cdktf, root, governed)), root };
    return { checked: withPolicy([await checkPlanFile(options.plan ?? "", projectDir, root, governed)]), root };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    return { checked: { stacks: [], undecided: redact(essential(err.message)) }, root };
  }
}
async function report(channelsWanted, checked, context, token, formatIsGithub, name) {
  const { gitHubClient } = await import("./client-NV2HH2XJ.js");
  const client = gitHubClient({ token });
  const result = resultOf(checked);
  const target = { owner: context.owner, repo: context.repo };
  const reported = [];
  let readOnly = context.fromFork ? "this pull request comes from a fork, whose workflow token is read-only" : void 0;
  for (const channel of channelsWanted) {
    if (readOnly !== void 0) break;
    try {
      if (channel === "check-run") {
        const posted = await postCheckRun(client, { ...target, headSha: context.headSha, name }, result);
        reported.push({
          channel,
          result: `check run ${posted.id}: ${posted.conclusion}, ${posted.annotations} annotation(s) in ${posted.requests} request(s)`
        });
      } else if (channel === "comment") {
        const made = await upsertComment(client, { ...target, issueNumber: context.pullRequest ?? 0 }, summaryOf(result), name);
        reported.push({ channel, result: `comment ${made.id} ${made.created ? "created" : "updated"}` });
      } else {
        const id = await uploadSarif(client, { ...target, commitSha: context.commitSha, ref: context.ref }, sarifOf(checked));
        reported.push({ channel, result: `SARIF uploaded (${id})` });
      }
    } catch (err) {
      const status = err.status;
      if (status === 403)
        readOnly = `the token may not write ${channel === "sarif" ? "code scanning" : channel === "comment" ? "pull request comments" : "checks"} (403: a fork's pull request gets a read-only token; otherwise grant the permission in the workflow)`;
      else throw new Error(`${channel}: GitHub answered ${status ?? "nothing"}: ${redact(err.message)}`, { cause: err });
    }
  }
  if (readOnly !== void 0) {
    const why = `image-catalog pr-check: ${readOnly}: reporting through workflow annotations and the job summary instead`;
    process.stdout.write(`${why}
`);
    const { workflowAnnotations } = await import("./workflow-QRSBMZIB.js");
    if (!formatIsGithub) workflowAnnotations(result);
    reported.push({ channel: "workflow", result: `annotations (${readOnly})` });
  }
  return reported;
}
function sarifOf(checked) {
  const runs = checked.stacks.map((s) => ({
    stack: s.stack,
    decision: s.decision,
    violations: s.violations,
    fallback: s.fallback
  }));
  return sarifLog(runs, packageTool());
}
function text(checked) {
  if (checked.undecided !== void 0) return `could not decide (blocked: nothing is allowed without a decision):
${checked.undecided}
`;
  const parts = checked.stacks.map((s) => {
    const notes = s.notes.map((n) => `note: ${n}
`).join("");
    if (s.decision === void 0) return `${notes}# ${s.kind} ${s.stack}: no change of an image, share or acceptance: nothing to decide
`;
    const shown2 = {
      ...s.decision,
      violations: s.violations.map((v) => ({
        ...v,
        address: v.location === void 0 ? v.address : `${v.address} (${v.location.path}:${v.location.line}${v.undeclared === true ? ", not declared there" : ""})`
      }))
    };
    const what = s.kind === "policy" ? `# policy data: ${s.changes} value(s) this pull request changes` : `# ${s.kind} ${s.stack}: ${s.changes} change(s) of the catalog`;
    return `${notes}${what}
${formatDecision(shown2)}`;
  });
  return parts.join("\n");
}
function registerPrCheck(program3) {
  program3.command("pr-check").description(
    "Decide the catalog change of a pull request (a Pulumi preview, a CDKTF synth + gated plan, or a plan JSON) and report it on GitHub: a check run with an annotation on the line that declares each violating resource, one PR comment updated in place, SARIF for code scanning. The repository, commit, ref and PR come from the GitHub Actions environment or the flags; the token from GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise Server). With a read-only token (a fork) it reports through workflow annotations and the job summary. Exit 0 allowed, 1 blocked, 2 not decided."
  ).option(
    "--pulumi <dir>",
    "a Pulumi project (its Pulumi.yaml; the program is its main, else index.ts; a Pulumi YAML project is its own program): previewed through the Automation API"
  ).option("--stack <name>", "the Pulumi stack (PULUMI_BACKEND_URL or pulumi login names the backend)", "dev").option(
    "--base <commit>",
    "the commit whose policy data decides (default: the pull_request event's base sha); each value the pull request changes is a policy_change finding"
  ).option(
    "--no-refresh",
    "with --pulumi: preview without reading the stack's resources from the Image Service first (by default a hand edit is in the plan and decided)"
  ).option("--cdktf <dir>", "a CDKTF app (its cdktf.json): cdktn synth, then each stack's plan through the gate").option("--plan <file>", "a plan's JSON (tofu show -json <planfile>), for HCL configurations").option(
    "--config-dir <dir>",
    "with --plan: the configuration's folder, whose .tf files give the lines (default: the plan file's folder)"
  ).option(
    "--report <channels>",
    `where to report: a comma list of ${channels.join(", ")}, or none (default: check-run,comment in GitHub Actions, none elsewhere)`
  ).option("--sarif <file>", "also write the SARIF 2.1.0 log to this file").option("--format <format>", "text (default), json (the decisions and locations), or github (workflow-command annotations)", "text").option("--repo <owner/name>", "the repository (default: GITHUB_REPOSITORY)").option("--sha <sha>", "the commit to report on (default: the pull request's head from the event, else GITHUB_SHA)").option("--ref <ref>", "the ref code scanning files the analysis under (default: GITHUB_REF, else refs/pull/<pr>/merge)").option("--pr <number>", "the pull request to comment on (default: from the event or GITHUB_REF)").option(
    "--name <name>",
    "the check run's name, and the comment's: one per step when a workflow checks several stacks (a required status check names it)",
    defaultCheckName
  ).option(
    "--data <file...>",
    "with --cdktf or --plan: policy data overrides (YAML or JSON) over policies/data.json (a Pulumi stack uses its config image-catalog:policy)"
  ).addHelpText(
    "after",
    "\nPermissions the workflow grants: checks: write (check-run), pull-requests: write (comment), security-events: write (sarif).\nSee docs/pr-check.md and examples/pr-check/ for the workflow to copy."
  ).action(async (options) => {
    if (!["text", "json", "github"].includes(options.format)) throw new UsageError(`--format ${options.format}: text, json or github`);
    const wanted = reportChannels(options.report);
    let event;
    try {
      event = readEvent();
    } catch (err) {
      if (err instanceof EventFileError) throw new UsageError(err.message);
      throw err;
    }
    let context;
    let token;
    if (wanted.length > 0) {
      token = gitHubToken();
      const found = pullRequestContext(options, process.env, event);
      const missing = [
        ...token === void 0 ? ["the token (set GITHUB_TOKEN)"] : [],
        ...found.ok ? [] : found.missing,
        ...found.ok && found.context.pullRequest === void 0 && wanted.includes("comment") ? ["the pull request to comment on (--pr, a pull_request event, or GITHUB_REF refs/pull/<n>/\u2026)"] : []
      ];
      if (missing.length > 0) throw new UsageError(`--report ${wanted.join(",")}: missing ${missing.join("; ")} (or give --report none)`);
      if (found.ok) context = found.context;
    }
    const { checked } = await check(options, event);
    const result = resultOf(checked);
    if (options.sarif !== void 0) writeFileSync4(options.sarif, `${JSON.stringify(sarifOf(checked), null, 2)}
`);
    if (options.format === "github") {
      const { workflowAnnotations } = await import("./workflow-QRSBMZIB.js");
      workflowAnnotations(result);
    }
    let reported = [];
    if (context !== void 0 && token !== void 0) {
      try {
        reported = await report(wanted, checked, context, token, options.format === "github", options.name);
      } catch (err) {
        process.stdout.write(text(checked));
        process.stderr.write(`image-catalog pr-check: the check could not be reported: ${redact(err.message)}
`);
        process.exitCode = 2;
        return;
      }
    }
    if ((process.env["GITHUB_STEP_SUMMARY"] ?? "") !== "") {
      const { jobSummary } = await import("./workflow-QRSBMZIB.js");
      const fallback = reported.find((r) => r.channel === "workflow");
      await jobSummary(result, options.name, fallback === void 0 ? void 0 : `image-catalog pr-check: ${fallback.result}`).catch(
        (err) => process.stderr.write(`image-catalog pr-check: the job summary could not be written: ${redact(err.message)}
`)
      );
    }
    const conclusion = conclusionOf(result);
    if (options.format === "json") {
      const out = {
        conclusion,
        ...checked.undecided === void 0 ? {} : { undecided: checked.undecided },
        stacks: checked.stacks.map((s) => ({
          stack: s.stack,
          changes: s.changes,
          notes: s.notes,
          decision: s.decision ?? null,
          violations: s.violations
        })),
        reported
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}
`);
    } else {
      if (options.format === "text") process.stdout.write(text(checked));
      for (const r of reported) process.stdout.write(`image-catalog pr-check: ${r.channel}: ${r.result}
`);
    }
    process.exitCode = checked.undecided !== void 0 ? 2 : result.decision === void 0 || result.decision.allowed ? 0 : 1;
  });
}

// provider/cli/plugin.ts
import { execFileSync as execFileSync2 } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync as readFileSync11, rmSync, writeFileSync as writeFileSync5 } from "node:fs";
import { tmpdir } from "node:os";
import { join as join7 } from "node:path";
function registerPlugin(program3) {
  const plugin = program3.command("plugin").description("The Pulumi provider plugin of this package (pulumi-resource-image-catalog).");
  plugin.command("install").description(
    "Install the provider plugin into Pulumi's plugin cache (PULUMI_HOME) as resource plugin image-catalog at this package's version. The cached plugin is a launcher that runs this installed package (its dist/ and its node_modules): reinstall after moving or upgrading the package."
  ).option("--pulumi <path>", "the pulumi CLI to run", "pulumi").action((options) => {
    const { version } = JSON.parse(readFileSync11(new URL("../../package.json", import.meta.url), "utf8"));
    const dir = mkdtempSync(join7(tmpdir(), "image-catalog-plugin-"));
    try {
      const launcher = join7(dir, pluginName);
      writeFileSync5(
        launcher,
        `#!/bin/sh
# The ${packageName} provider plugin of the package at ${pluginDir}
exec ${JSON.stringify(join7(pluginDir, pluginName))} "$@"
`
      );
      chmodSync(launcher, 493);
      execFileSync2(options.pulumi, ["plugin", "install", "resource", packageName, version, "--file", dir], { stdio: "inherit" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    process.stdout.write(`resource plugin ${packageName} ${version} installed: it runs ${join7(pluginDir, pluginName)}
`);
  });
}

// provider/cli/resolve.ts
function registerResolve(program3) {
  program3.command("resolve").description(
    "Print the id of the image a version line's channel points at (default channel: latest, the newest version that is neither revoked nor past its end of life). Exits 0 with the id; 1 when nothing matches, saying why (no such line, the channel is empty, every version revoked, two images claim the channel); 2 for bad usage."
  ).argument("<line>", "the line and channel, <os>-<osversion>-<profile>[@<channel>], such as ubuntu-24.04-base@stable").option("--cloud <name>", "the clouds.yaml cloud to look with (default: OS_CLOUD, then the OS_* environment)").option("--region <name>", "the region of that cloud to look in (default: the cloud's region_name, OS_REGION_NAME)").option("--owner <project>", "the owner project's id: trust only its images (recommended; default: the one owner of what you can see)").option(
    "--format <format>",
    "text (the id alone) or json (id, name, line, channel, version, owner, endOfLife, deprecated, region)",
    "text"
  ).action(async (line, options) => {
    if (options.format !== "text" && options.format !== "json") throw new UsageError(`--format ${options.format}: text or json`);
    const query = { line, ...options.owner === void 0 ? {} : { owner: options.owner } };
    try {
      lookupTarget(query);
    } catch (err) {
      throw new UsageError(err.message);
    }
    try {
      const session = Session.forCloud(options.cloud).inRegion(options.region);
      const found = { ...await resolveImage(session, query), region: session.config.regionName ?? null };
      process.stdout.write(options.format === "json" ? `${JSON.stringify(found, null, 2)}
` : `${found.id}
`);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      const reason = err instanceof LookupError ? err.reason : "failed";
      const message = err instanceof Error ? err.message : String(err);
      if (options.format === "json") process.stdout.write(`${JSON.stringify({ error: reason, message }, null, 2)}
`);
      process.stderr.write(`image-catalog resolve: ${message}
`);
      process.exitCode = 1;
    }
  });
}

// provider/cdktf/store-request.ts
import { existsSync as existsSync6, readFileSync as readFileSync12 } from "node:fs";
var storeRequestVariable = "IMAGE_CATALOG_STORE";
function secretOptions(type) {
  return (resourceSchema("store.schema.json").defs[type] ?? []).filter((f) => f.secret).map((f) => f.local);
}
function resolveStoreRequest(request, env = process.env) {
  const settings = request.settings;
  const type = String(settings["type"]);
  const options = { ...settings["options"] ?? {} };
  for (const option of secretOptions(type)) {
    if (options[option] !== void 0)
      throw new Error(
        `StorageBackend "${request.name}": options.${option}: a secret is never written into the configuration or the state; name the environment variable that holds it in secretsFromEnv (rule: secret-from-env)`
      );
    const variable = request.secretsFromEnv?.[option];
    if (variable === void 0) continue;
    const value = env[variable];
    if (value === void 0 || value === "")
      throw new Error(
        `StorageBackend "${request.name}": options.${option}: the environment variable ${variable} is not set (rule: secret-from-env)`
      );
    options[option] = value;
  }
  return checkStoreInputs(request.name, { ...settings, options });
}
function readStoreRequest(file, env = process.env) {
  const text2 = file === void 0 ? env[storeRequestVariable] : readFileSync12(file, "utf8");
  if (text2 === void 0 || text2 === "") throw new Error(`no store request: set ${storeRequestVariable} (JSON) or give --request <file>`);
  const request = JSON.parse(text2);
  if (typeof request.name !== "string" || typeof request.settings !== "object")
    throw new Error(`the store request needs name and settings (got ${Object.keys(request).join(", ")})`);
  return request;
}
var storeMarkVariable = "IMAGE_CATALOG_STORE_MARK";
async function applyStoreRequest(request, mark) {
  const inputs = resolveStoreRequest(request);
  const session = Session.forCloud(request.cloud);
  try {
    const claim = mark === void 0 || mark === "" ? {} : { create: true, creator: mark, adoptUnowned: true };
    return (await applyStoreResource(session, request.name, inputs, claim)).inputs;
  } finally {
    await session.close();
  }
}
async function deleteStoreRequest(request) {
  const inputs = resolveStoreRequest(request);
  const fragment = fragmentFile(inputs.configDir, inputs.id);
  if (existsSync6(fragment) && readFileSync12(fragment, "utf8") !== renderStoreFragment(inputs, storeOwner(inputs.configDir, inputs.id)))
    return false;
  const session = Session.forCloud(request.cloud);
  try {
    await deleteStoreResource(session, request.name, inputs);
    return true;
  } finally {
    await session.close();
  }
}

// provider/cli/store.ts
function registerStore(program3) {
  const store = program3.command("store").description(
    `Configure a Glance store from a request (JSON: name, cloud, settings as in schemas/store.schema.json, secretsFromEnv), read from ${storeRequestVariable} or --request: what the CDKTF StorageBackend runs at create and destroy.`
  );
  store.command("apply").description(
    "Create or update the store: write its fragment and the backends list, reload glance-api, verify it is live (rolled back on failure)."
  ).option("--request <file>", `the request as a JSON file (default: ${storeRequestVariable})`).option("--mark <mark>", `the creation mark that claims the store (default: ${storeMarkVariable}; the gate's, docs/cdktf.md)`).action(async (options) => {
    const request = readStoreRequest(options.request);
    const inputs = await applyStoreRequest(request, options.mark ?? process.env[storeMarkVariable]);
    process.stdout.write(`store ${inputs.id} (${inputs.type}) is live${inputs.isDefault ? " and the default" : ""}
`);
  });
  store.command("delete").description(
    "Remove the store and reload glance-api; left alone when its fragment is no longer this request's (a replacement applied it)."
  ).option("--request <file>", `the request as a JSON file (default: ${storeRequestVariable})`).action(async (options) => {
    const request = readStoreRequest(options.request);
    const id = String(request.settings["id"]);
    process.stdout.write(
      await deleteStoreRequest(request) ? `store ${id} removed
` : `store ${id} was applied again with other settings: left as it is
`
    );
  });
}

// provider/cli/main.ts
var manifest = JSON.parse(readFileSync13(new URL("../../package.json", import.meta.url), "utf8"));
var program2 = new Command("image-catalog").description("Golden-image catalogs as code for an OpenStack-Glance-compatible Image Service.").version(manifest.version).showHelpAfterError().exitOverride((err) => {
  process.exit(err.exitCode === 0 ? 0 : 2);
});
program2.command("doctor").description(
  "Show what image-catalog needs to run, found or not: the Node that runs it (and why), the pulumi CLI on PATH, the provider plugin pulumi-resource-image-catalog, the policy bundle, and opa (only for policy test). Exits 1 when something needed is missing."
).action(async () => {
  const report2 = doctorReport(await packageDoctorLines());
  process.stdout.write(formatDoctor(report2));
  process.exitCode = report2.ok ? 0 : 1;
});
registerPolicy(program2);
registerAudit(program2);
registerAdopt(program2);
registerConvert(program2);
registerPreview(program2);
registerResolve(program2);
registerMigrate(program2);
registerPlanCheck(program2);
registerPrCheck(program2);
registerPlugin(program2);
registerStore(program2);
try {
  await program2.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`image-catalog: ${err instanceof Error ? err.message : String(err)}
`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
}
