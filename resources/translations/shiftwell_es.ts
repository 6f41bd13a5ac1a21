<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>shiftwell</name>
    <message>
        <location filename="../../app/shiftwell/core/engine.py" line="+145"/>
        <source>Your shift starts at {time}. Start it now anyway? The early start is recorded.</source>
        <translation>Tu turno empieza a las {time}. ¿Quieres empezarlo ya de todos modos? El inicio anticipado queda registrado.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no shift on your schedule now. Start one anyway? It is recorded as work outside the schedule.</source>
        <translation>Ahora no tienes ningún turno en tu horario. ¿Empiezas uno de todos modos? Se registrará como trabajo fuera del horario.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Say why you need more time: the reason is recorded.</source>
        <translation>Di por qué necesitas más tiempo: el motivo queda registrado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overtime must be longer than zero.</source>
        <translation>Las horas extra tienen que durar más de cero.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>There is no check-in waiting.</source>
        <translation>No hay ningún check-in pendiente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check-in score goes from 1 to 5.</source>
        <translation>La puntuación del check-in va del 1 al 5.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A pause must be longer than zero.</source>
        <translation>Una pausa tiene que durar más de cero.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A pause can last at most 24 h; without a duration it lasts until you resume.</source>
        <translation>Una pausa puede durar como mucho 24 h; sin duración, dura hasta que la reanudes.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/engine_recovery.py" line="+31"/>
        <source>Recovery happens once, at start.</source>
        <translation>La recuperación solo ocurre una vez, al arrancar.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/policy.py" line="+67"/>
        <source>Can&apos;t skip now.</source>
        <translation>Ahora no puedes saltarte el descanso.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Can&apos;t postpone now.</source>
        <translation>Ahora no puedes posponer el descanso.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breaks are strict: this one can&apos;t be paused.</source>
        <translation>Los descansos son estrictos: este no se puede pausar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log-off is strict: the screen stays until you log off or ask for more time.</source>
        <translation>El fin de turno es estricto: la pantalla se queda hasta que cierres la sesión o pidas más tiempo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This week&apos;s overtime ({cap}) is used up: the only choice now is to log off.</source>
        <translation>Ya has usado las horas extra de esta semana ({cap}): lo único que queda es cerrar la sesión.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Can&apos;t {action} while {state}.</source>
        <translation>Ahora no puedes {action}: {state}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Give it {seconds} s first.</source>
        <translation>Espera {seconds} s primero.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Breaks are strict: this one can&apos;t be skipped.</source>
        <translation>Los descansos son estrictos: este no te lo puedes saltar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipping breaks is turned off.</source>
        <translation>Saltarse descansos está desactivado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have skipped {count} breaks today, the most allowed.</source>
        <translation>Hoy ya has llegado al máximo de descansos saltados ({count}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This break is at a fixed time on your schedule: it can&apos;t be postponed.</source>
        <translation>Este descanso tiene una hora fija en tu horario: no se puede aplazar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breaks are strict: this one can&apos;t be postponed.</source>
        <translation>Los descansos son estrictos: este no se puede posponer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Postponing breaks is turned off.</source>
        <translation>Posponer descansos está desactivado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This break was already postponed {count} times; take it now.</source>
        <translation>Este descanso ya se ha pospuesto el máximo de veces ({count}); tómatelo ahora.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>off shift</source>
        <translation>estás fuera de turno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>focusing</source>
        <translation>estás en tiempo de concentración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a break is due</source>
        <translation>toca un descanso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on a micro break</source>
        <translation>estás en un microdescanso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on a long break</source>
        <translation>estás en un descanso largo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>estás en pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>away</source>
        <translation>estás ausente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on a call</source>
        <translation>estás en una llamada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logged off</source>
        <translation>tu turno ha terminado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on overtime</source>
        <translation>estás haciendo horas extra</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>start shift</source>
        <translation>empezar un turno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>break now</source>
        <translation>tomarte un descanso ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skip</source>
        <translation>saltarte el descanso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>postpone</source>
        <translation>posponer el descanso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pause</source>
        <translation>pausar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resume</source>
        <translation>reanudar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>end shift</source>
        <translation>terminar el turno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dismiss</source>
        <translation>cerrar la pantalla de fin de turno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overtime</source>
        <translation>pedir horas extra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call start</source>
        <translation>empezar una llamada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call end</source>
        <translation>terminar una llamada</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/checkin/checkin.py" line="+18"/>
        <source>Drained</source>
        <translation>Sin energía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tired</source>
        <translation>Con cansancio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Okay</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation>Bien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Great</source>
        <translation>Genial</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/dialogs.py" line="+14"/>
        <source>Shiftwell question</source>
        <translation>Pregunta de Shiftwell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start anyway</source>
        <translation>Empezar igualmente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>I need more time</source>
        <translation>Necesito más tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why? (recorded with the overtime)</source>
        <translation>¿Por qué? (se guarda con las horas extra)</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/breaks/overlay.py" line="+23"/>
        <source>This screen closes by itself when the break is over.</source>
        <translation>Esta pantalla se cierra sola cuando termina el descanso.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/remote.py" line="+82"/>
        <source>Shiftwell could not start.</source>
        <translation>Shiftwell no pudo arrancar.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../app/shiftwell/ui/tray/status_window.py" line="+25"/>
        <location filename="../../app/shiftwell/ui/tray/tray.py" line="+30"/>
        <location line="+35"/>
        <source>Starting…</source>
        <translation>Arrancando…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Done, but not saved yet: the database is busy or the disk is full. Shiftwell keeps it and saves it as soon as it can.</source>
        <translation>Hecho, pero aún sin guardar: la base de datos está ocupada o el disco lleno. Shiftwell lo conserva y lo guarda en cuanto pueda.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/commands.py" line="+105"/>
        <source>Nothing to leave: you are {state}.</source>
        <translation>No hay nada que dejar (estado: {state}).</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/app.py" line="+192"/>
        <location filename="../../app/shiftwell/ui/remote.py" line="-62"/>
        <source>Shiftwell is still starting; try again in a moment.</source>
        <translation>Shiftwell todavía está arrancando; inténtalo de nuevo en un momento.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/remote.py" line="+6"/>
        <source>{question} (add --yes to confirm)</source>
        <translation>{question} (añade --yes para confirmar)</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/settings/fields.py" line="+43"/>
        <source>Set by your team&apos;s policy</source>
        <translation>Fijado por la política de tu equipo</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/durations.py" line="+18"/>
        <source>e.g. 90s, 25m, 1h30m</source>
        <translation>p. ej. 90s, 25m, 1h30m</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{value} is not a duration ({examples})</source>
        <translation>{value} no es una duración ({examples})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{value} is too long to be a duration</source>
        <translation>{value} es demasiado largo para ser una duración</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/settings/pages.py" line="+85"/>
        <source>&amp;Schedule</source>
        <translation>&amp;Horario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your shifts, in your time zone. A span that ends before it starts runs past midnight.</source>
        <translation>Tus turnos, en tu zona horaria. Un tramo que termina antes de empezar pasa de la medianoche.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="+72"/>
        <source>&amp;Monday</source>
        <translation>L&amp;unes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;uesday</source>
        <translation>&amp;Martes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wednesday</source>
        <translation>Miérc&amp;oles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu&amp;rsday</source>
        <translation>&amp;Jueves</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Friday</source>
        <translation>&amp;Viernes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;aturday</source>
        <translation>&amp;Sábado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Su&amp;nday</source>
        <translation>Domi&amp;ngo</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;Days off</source>
        <translation>Días li&amp;bres</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/setting_kinds.py" line="+186"/>
        <source>e.g. 2026-12-24, 2026-12-27..2027-01-02</source>
        <translation>p. ej. 2026-12-24, 2026-12-27..2027-01-02</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="-11"/>
        <source>Time &amp;zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/setting_kinds.py" line="+26"/>
        <source>This computer&apos;s time zone</source>
        <translation>La zona horaria de este equipo</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="+89"/>
        <source>Start shifts &amp;on schedule by themselves</source>
        <translation>Empezar los tu&amp;rnos del horario automáticamente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Len&amp;gth of a shift started from the tray</source>
        <translation>Dur&amp;ación de un turno iniciado desde la bandeja</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Gentle — dismiss a break any time</source>
        <translation>Suave — cierra un descanso cuando quieras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal — skip or postpone after a few seconds</source>
        <translation>Normal — salta o pospón tras unos segundos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strict — no skipping, postponing or pausing</source>
        <translation>Estricto — sin saltar, posponer ni pausar</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/settings/pages.py" line="+47"/>
        <source>&amp;Breaks</source>
        <translation>&amp;Descansos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often you pause, for how long, and how easily a break gives way.</source>
        <translation>Cada cuánto descansas, durante cuánto tiempo y con qué facilidad cede un descanso.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="+190"/>
        <source>&amp;Every</source>
        <translation>F&amp;recuencia</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Len&amp;gth</source>
        <translation>D&amp;uración</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/commands.py" line="+65"/>
        <location filename="../../app/shiftwell/core/state_names.py" line="+13"/>
        <location filename="../../app/shiftwell/ui/settings/pages.py" line="+5"/>
        <location filename="../../app/shiftwell/ui/text.py" line="+23"/>
        <source>Micro break</source>
        <translation>Microdescanso</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="+7"/>
        <source>Eve&amp;ry</source>
        <translation>Frecue&amp;ncia</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Le&amp;ngth</source>
        <translation>Dur&amp;ación</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/commands.py" line="+0"/>
        <location filename="../../app/shiftwell/core/state_names.py" line="+1"/>
        <location filename="../../app/shiftwell/ui/settings/pages.py" line="+2"/>
        <location filename="../../app/shiftwell/ui/text.py" line="+0"/>
        <source>Long break</source>
        <translation>Descanso largo</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="-63"/>
        <source>&amp;Warn before a break</source>
        <translation>A&amp;visar antes de un descanso</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Time &amp;away from the computer counts as a break</source>
        <translation>&amp;El tiempo lejos del equipo cuenta como descanso</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Str&amp;ictness</source>
        <translation>Fir&amp;meza</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Fixed breaks by &amp;day</source>
        <translation>Descansos fijos p&amp;or día</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rotat&amp;ion</source>
        <translation>Ro&amp;tación</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sch&amp;edule from a calendar</source>
        <translation>Horario d&amp;esde un calendario</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fetch the calendar ever&amp;y</source>
        <translation>Desca&amp;rgar el calendario cada</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Calendar sh&amp;ift words</source>
        <translation>Palabras de &amp;turno del calendario</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Calendar b&amp;reak words</source>
        <translation>Palabras de desca&amp;nso del calendario</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Calendar l&amp;unch words</source>
        <translation>Palabras de co&amp;mida del calendario</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Skip or postpone possible a&amp;fter</source>
        <translation>Saltar o posponer se puede &amp;tras</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allow s&amp;kipping</source>
        <translation>Permitir &amp;saltar descansos</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Skips &amp;per day (0: no limit)</source>
        <translation>Má&amp;ximo de saltos al día (0: sin límite)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Allow p&amp;ostponing</source>
        <translation>Permitir p&amp;osponer</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Postpone b&amp;y</source>
        <translation>&amp;Posponer durante</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Max postpones per break</source>
        <translation>Máximo de apla&amp;zamientos por descanso</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/settings/pages.py" line="-39"/>
        <source>Fi&amp;xed breaks &amp;&amp; calendar</source>
        <translation>Descansos fijos &amp;y calendario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breaks at the times your schedule sets, or your whole schedule from a calendar.</source>
        <translation>Descansos a las horas que fija tu horario, o todo tu horario desde un calendario.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From a calendar</source>
        <translation>Desde un calendario</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Breaks at fixed times</source>
        <translation>Descansos a horas fijas</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Skipping and postponing</source>
        <translation>Saltar y posponer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Log-off</source>
        <translation>&amp;Fin del turno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the working day ends: warnings before the end, then the log-off screen.</source>
        <translation>Cómo termina la jornada: avisos antes del final y después la pantalla de fin de turno.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="+100"/>
        <source>Warn&amp;ings before the end</source>
        <translation>&amp;Avisos antes del final</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/setting_kinds.py" line="-109"/>
        <source>e.g. 15m, 5m, 1m</source>
        <translation>p. ej. 15m, 5m, 1m</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>{value} must be a calendar address (&quot;https://...&quot;) or a file path</source>
        <translation>{value} debe ser una dirección de calendario (&quot;https://...&quot;) o la ruta de un archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is not an http(s) address or a file path</source>
        <translation>{value} no es una dirección http(s) ni la ruta de un archivo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. https://wfm.example.com/agent.ics or ~/shifts.ics</source>
        <translation>p. ej. https://wfm.example.com/agent.ics o ~/turnos.ics</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{value} must be a list of words, e.g. [&quot;break&quot;, &quot;pause&quot;]</source>
        <translation>{value} debe ser una lista de palabras, p. ej. [&quot;break&quot;, &quot;pause&quot;]</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="-226"/>
        <source>After so much focus time</source>
        <translation>Tras un tiempo de concentración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only at the scheduled times</source>
        <translation>Solo a las horas fijadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both</source>
        <translation>Ambas</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Breaks at &amp;fixed times</source>
        <translation>Descansos a horas fi&amp;jas</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>&amp;When breaks come</source>
        <translation>Cuándo llegan los descan&amp;sos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Announce a fixed break &amp;ahead</source>
        <translation>&amp;Avisar antes de un descanso fijo</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Strict: the log-off scree&amp;n can&apos;t be dismissed</source>
        <translation>Estricto: la pa&amp;ntalla de fin de turno no se puede cerrar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Action command</source>
        <translation>Co&amp;mando al terminar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. loginctl lock-session (run directly, not by a shell)</source>
        <translation>p. ej. loginctl lock-session (se ejecuta directamente, no en un shell)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Action time&amp;out</source>
        <translation>Tiempo má&amp;ximo del comando</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Overtime st&amp;ep</source>
        <translation>&amp;Bloque de horas extra</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Overtime cap per &amp;week</source>
        <translation>Tope de horas extra por &amp;semana</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/state_names.py" line="+5"/>
        <location filename="../../app/shiftwell/report/day_rows.py" line="+30"/>
        <location filename="../../app/shiftwell/report/table.py" line="+44"/>
        <location filename="../../app/shiftwell/ui/settings/pages.py" line="+10"/>
        <location filename="../../app/shiftwell/ui/review/cards.py" line="+115"/>
        <location filename="../../app/shiftwell/ui/review/pdf.py" line="+72"/>
        <source>Overtime</source>
        <translation>Horas extra</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/settings/pages.py" line="+6"/>
        <source>&amp;Calls, check-ins &amp;&amp; sound</source>
        <translation>&amp;Llamadas, check-ins y sonido</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="+7"/>
        <source>&amp;Detect calls (the microphone is in use)</source>
        <translation>De&amp;tectar llamadas (el micrófono está en uso)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Grace after a call</source>
        <translation>&amp;Margen tras una llamada</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/settings/pages.py" line="+1"/>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="+7"/>
        <source>Ask for a check-&amp;in after long breaks</source>
        <translation>Pedir un check-in tras los descansos la&amp;rgos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Play so&amp;unds</source>
        <translation>Reproducir &amp;sonidos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Announce breaks with a desktop &amp;notification</source>
        <translation>Anunciar los descansos con una &amp;notificación de escritorio</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open the &amp;weekly review after the week&apos;s last shift</source>
        <translation>Abrir el res&amp;umen semanal tras el último turno de la semana</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/settings/pages.py" line="+4"/>
        <source>Check-ins and sound</source>
        <translation>Check-ins y sonido</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="+4"/>
        <source>Shift st&amp;arts</source>
        <translation>Empie&amp;za un turno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B&amp;reak starts</source>
        <translation>Empieza un desca&amp;nso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break e&amp;nds</source>
        <translation>&amp;Termina un descanso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Wrap-up notice</source>
        <translation>A&amp;viso de fin de turno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;og-off</source>
        <translation>Fin del turn&amp;o</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overtime &amp;granted</source>
        <translation>Horas e&amp;xtra concedidas</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/settings/pages.py" line="+8"/>
        <source>&amp;Hooks</source>
        <translation>&amp;Comandos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A command to run when something happens, written as in a terminal. It is run directly, not by a shell, and told what happened in SHIFTWELL_* environment variables.</source>
        <translation>Un comando que se ejecuta cuando pasa algo, escrito como en una terminal. Se ejecuta directamente, no en un shell, y recibe lo ocurrido en variables de entorno SHIFTWELL_*.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings_spec.py" line="-322"/>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/shell.py" line="+97"/>
        <source>Stand up and stretch.</source>
        <translation>Ponte de pie y estírate.</translation>
    </message>
    <message>
        <location line="+359"/>
        <location filename="../../app/shiftwell/ui/text.py" line="+80"/>
        <source>{break_name} in {time}</source>
        <translation>{break_name} en {time}</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/hooks.py" line="+91"/>
        <source>The {event} hook</source>
        <translation>El comando de {event}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The log-off action</source>
        <translation>La acción de fin de turno</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/review/cards.py" line="-71"/>
        <source>no shifts last week</source>
        <translation>sin turnos la semana pasada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing to compare last week</source>
        <translation>nada con qué comparar la semana pasada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last week {figure}</source>
        <translation>la semana pasada: {figure}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>same as last week</source>
        <translation>igual que la semana pasada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{arrow} {change} vs last week</source>
        <translation>{arrow} {change} frente a la semana pasada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{points} pts</source>
        <translation>{points} puntos</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n days</source>
        <comment>%n day</comment>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>of the {cap} weekly cap</source>
        <translation>del tope semanal de {cap}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{over} over the {cap} cap</source>
        <translation>{over} por encima del tope de {cap}</translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>%n fixed breaks</source>
        <comment>%n fixed break</comment>
        <translation>
            <numerusform>%n descanso fijo</numerusform>
            <numerusform>%n descansos fijos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n lunches</source>
        <comment>%n lunch</comment>
        <translation>
            <numerusform>%n comida</numerusform>
            <numerusform>%n comidas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Breaks on schedule</source>
        <translation>Descansos a su hora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} of {breaks}
within 2 min of the start, 1 min of the end</source>
        <translation>{count} de {breaks}
2 min de margen al empezar, 1 min al volver</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>from %n breaks, each over 1 min late</source>
        <comment>from %n break, over 1 min late</comment>
        <translation>
            <numerusform>de %n descanso, más de 1 min tarde</numerusform>
            <numerusform>de %n descansos, cada uno más de 1 min tarde</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>always back within a minute</source>
        <translation>siempre de vuelta en menos de un minuto</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} of {lunches}</source>
        <translation>{count} de {lunches}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no lunch on the schedule</source>
        <translation>ninguna comida en el horario</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>of {breaks}, never started</source>
        <translation>de {breaks}, sin empezar</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n breaks</source>
        <comment>%n break</comment>
        <translation>
            <numerusform>%n descanso</numerusform>
            <numerusform>%n descansos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/report/table.py" line="-5"/>
        <location filename="../../app/shiftwell/ui/review/cards.py" line="-107"/>
        <source>Hours worked</source>
        <translation>Horas trabajadas</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/review/cards.py" line="+2"/>
        <source>of {planned} planned
{focus} of it focus</source>
        <translation>de {planned} previstas
{focus} de concentración</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Logged off on time</source>
        <translation>Desconexión a tiempo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} of {days}</source>
        <translation>{count} de {days}</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/report/table.py" line="+4"/>
        <location filename="../../app/shiftwell/ui/review/cards.py" line="+5"/>
        <source>Breaks kept</source>
        <translation>Descansos respetados</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/review/cards.py" line="+2"/>
        <source>{kept} of {due} due</source>
        <translation>{kept} de {due} previstos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no breaks fell due</source>
        <translation>no tocaba ningún descanso</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Outside the schedule</source>
        <translation>Fuera del horario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on a day off or before the shift</source>
        <translation>en un día libre o antes del turno</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/report/day_rows.py" line="+1"/>
        <location filename="../../app/shiftwell/report/table.py" line="+3"/>
        <location filename="../../app/shiftwell/ui/review/cards.py" line="+5"/>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/shiftwell/ui/review/cards.py" line="+2"/>
        <source>%n check-ins</source>
        <comment>%n check-in</comment>
        <translation>
            <numerusform>%n check-in</numerusform>
            <numerusform>%n check-ins</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/review/pdf.py" line="-48"/>
        <source>Breaks kept = (kept + natural) ÷ every time a break fell due (kept + natural + postponed + skipped); a break postponed twice and then taken counts as one of three.</source>
        <translation>Descansos respetados = (respetados + naturales) ÷ cada vez que tocaba un descanso (respetados + naturales + pospuestos + saltados); un descanso pospuesto dos veces y luego tomado cuenta como uno de tres.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/report/day_rows.py" line="-12"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worked</source>
        <translation>Trabajado</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/state_names.py" line="-8"/>
        <location filename="../../app/shiftwell/report/day_rows.py" line="+1"/>
        <location filename="../../app/shiftwell/report/table.py" line="-5"/>
        <source>Focus</source>
        <translation>Concentración</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/calendar_names.py" line="+19"/>
        <source>Jan</source>
        <translation>ene</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feb</source>
        <translation>feb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mar</source>
        <translation>mar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apr</source>
        <translation>abr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May</source>
        <translation>may</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jun</source>
        <translation>jun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jul</source>
        <translation>jul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aug</source>
        <translation>ago</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sep</source>
        <translation>sept</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oct</source>
        <translation>oct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nov</source>
        <translation>nov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dec</source>
        <translation>dic</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/report/words.py" line="+50"/>
        <source>{weekday} {day} {month}</source>
        <translation>{weekday} {day} {month}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Week {number} · {first_day} {first_month} – {last_day} {last_month} {year}</source>
        <translation>Semana {number} · {first_day} {first_month} – {last_day} {last_month} {year}</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/report/table.py" line="-8"/>
        <source>{overtime} of {cap}</source>
        <translation>{overtime} de {cap}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hours planned</source>
        <translation>Horas previstas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On-time log-off</source>
        <translation>Desconexión a tiempo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Days outside the schedule</source>
        <translation>Días fuera del horario</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{count} of {total}</source>
        <translation>{count} de {total}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fixed breaks on schedule</source>
        <translation>Descansos fijos a su hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/shiftwell/ui/review/cards.py" line="+35"/>
        <source>Back late from breaks</source>
        <translation>Vuelta tarde de los descansos</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/shiftwell/ui/review/cards.py" line="+13"/>
        <source>Lunches taken in full</source>
        <translation>Comidas completas</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app/shiftwell/ui/review/cards.py" line="+9"/>
        <source>Fixed breaks missed</source>
        <translation>Descansos fijos perdidos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no breaks due</source>
        <translation>no tocaba ningún descanso</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{percent} ({count} of {total})</source>
        <translation>{percent} ({count} de {total})</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Shiftwell — {week} ({zone})</source>
        <translation>Shiftwell — {week} ({zone})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last week: {hours} worked.</source>
        <translation>La semana pasada trabajaste {hours}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this week</source>
        <translation>esta semana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>last week</source>
        <translation>semana pasada</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/report/day_rows.py" line="+1"/>
        <source>Kept</source>
        <translation>Respetados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Natural</source>
        <translation>Naturales</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>on time</source>
        <translation>a tiempo</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/report/table.py" line="+6"/>
        <source>Overtime:</source>
        <translation>Horas extra:</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/report/day_rows.py" line="-32"/>
        <source>Skipped</source>
        <translation>Saltados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned end</source>
        <translation>Fin previsto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log-off</source>
        <translation>Desconexión</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/review/pdf.py" line="+5"/>
        <source>Fixed breaks on schedule: started within 2 min of the planned minute and back within 1 min of the planned end. Back late: the whole lateness of each break back more than 1 min late. A lunch is taken in full down to 1 min short.</source>
        <translation>Descansos fijos a su hora: empezados como mucho 2 min después (o antes) del minuto previsto y terminados como mucho 1 min antes o después del fin previsto. Vuelta tarde: todo el retraso de cada descanso terminado más de 1 min tarde. Una comida es completa si le falta 1 min como mucho.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shiftwell — {week}</source>
        <translation>Shiftwell — {week}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times in {zone}.</source>
        <translation>Horas en {zone}.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/report/table.py" line="-11"/>
        <location filename="../../app/shiftwell/ui/review/pdf.py" line="+6"/>
        <source>No shifts recorded this week.</source>
        <translation>No hay turnos registrados esta semana.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/report/day_rows.py" line="-3"/>
        <source>Postponed</source>
        <translation>Pospuestos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Late</source>
        <translation>Retraso</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/review/window.py" line="+78"/>
        <source>Segments (CSV)…</source>
        <translation>Segmentos (CSV)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Overtime grants (CSV)…</source>
        <translation>Horas extra concedidas (CSV)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fixed breaks (CSV)…</source>
        <translation>Descansos fijos (CSV)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calendar (ICS)…</source>
        <translation>Calendario (ICS)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Figures (JSON)…</source>
        <translation>Cifras (JSON)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Picture of this window (PNG)…</source>
        <translation>Imagen de esta ventana (PNG)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One-page summary (PDF)…</source>
        <translation>Resumen de una página (PDF)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/review/charts.py" line="+46"/>
        <source>Focus hours per day, against the plan</source>
        <translation>Horas de concentración por día, frente a lo previsto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breaks per day</source>
        <translation>Descansos por día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log-off against the planned end</source>
        <translation>Desconexión frente al fin previsto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overtime per day</source>
        <translation>Horas extra por día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-ins across the week</source>
        <translation>Check-ins a lo largo de la semana</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/shiftwell/ui/review/window.py" line="+323"/>
        <source>%n days worked so far</source>
        <comment>%n day worked so far</comment>
        <translation>
            <numerusform>%n día trabajado hasta ahora</numerusform>
            <numerusform>%n días trabajados hasta ahora</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>The week before: {hours} over %n days.</source>
        <comment>The week before: {hours} over %n day.</comment>
        <translation>
            <numerusform>La semana anterior: {hours} en %n día.</numerusform>
            <numerusform>La semana anterior: {hours} en %n días.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/tray/status_window.py" line="+19"/>
        <location filename="../../app/shiftwell/ui/tray/tray.py" line="-36"/>
        <source>Shiftwell menu</source>
        <translation>Menú de Shiftwell</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/state_names.py" line="-1"/>
        <source>Off shift</source>
        <translation>Fuera de turno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Break soon</source>
        <translation>Descanso pronto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/commands.py" line="+27"/>
        <location filename="../../app/shiftwell/core/state_names.py" line="+1"/>
        <source>On a call</source>
        <translation>En una llamada</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/state_names.py" line="+1"/>
        <source>Shift over</source>
        <translation>Turno terminado</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/text.py" line="-83"/>
        <source>micro break</source>
        <translation>microdescanso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>long break</source>
        <translation>descanso largo</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/calendar_names.py" line="-20"/>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/text.py" line="+42"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+8"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Wrapping up</source>
        <translation>Cerrando el día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{state} — shift ends in {time}</source>
        <translation>{state} — el turno termina en {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state} — {break_name} in {time}</source>
        <translation>{state} — {break_name} en {time}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{state} — {time} left</source>
        <translation>{state} — quedan {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state} — resumes in {time}</source>
        <translation>{state} — se reanuda en {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state} — counts as a break</source>
        <translation>{state} — cuenta como descanso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state} — breaks wait until it ends</source>
        <translation>{state} — los descansos esperan a que termine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state} — start a shift from this menu</source>
        <translation>{state} — empieza un turno desde este menú</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state} — time to log off</source>
        <translation>{state} — hora de desconectar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Shift ends at {time}</source>
        <translation>El turno termina a las {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next shift: {day} {time}</source>
        <translation>Próximo turno: {day} {time}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Schedule from calendar, updated just now</source>
        <translation>Horario del calendario, actualizado ahora mismo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule from calendar, updated {time} ago</source>
        <translation>Horario del calendario, actualizado hace {time}</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n breaks kept</source>
        <comment>%n break kept</comment>
        <translation>
            <numerusform>%n descanso respetado</numerusform>
            <numerusform>%n descansos respetados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kept}, {count} away from the desk</source>
        <translation>{kept}, {count} lejos del escritorio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Focus time: {time}</source>
        <translation>Tiempo de concentración: {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Breaks skipped: {skipped} · postponed: {postponed}</source>
        <translation>Descansos saltados: {skipped} · pospuestos: {postponed}</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>All %n breaks taken on schedule</source>
        <comment>Your break was taken on schedule</comment>
        <translation>
            <numerusform>%n descanso tomado a su hora</numerusform>
            <numerusform>Los %n descansos, tomados a su hora</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{title} at {time}</source>
        <translation>{title} de las {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title} missed</source>
        <translation>{title}: no se tomó</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n breaks missed</source>
        <comment>%n break missed</comment>
        <translation>
            <numerusform>%n descanso perdido</numerusform>
            <numerusform>%n descansos perdidos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{title} started {minutes} min late</source>
        <translation>{title}: empezó con {minutes} min de retraso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{title} ran {minutes} min over</source>
        <translation>{title}: se alargó {minutes} min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{title} ended {minutes} min early</source>
        <translation>{title}: terminó {minutes} min antes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} started {minutes} min early</source>
        <translation>{title}: empezó {minutes} min antes</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/commands.py" line="-42"/>
        <location filename="../../app/shiftwell/core/notice_actions.py" line="+34"/>
        <source>Start shift</source>
        <translation>Empezar turno</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>table; csv: the segments; fixed-csv: the breaks at fixed times, planned and as taken; json: the figures</source>
        <translation>table; csv: los segmentos; fixed-csv: los descansos a horas fijas, previstos y tomados; json: las cifras</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the coming days&apos; shifts and breaks as Shiftwell will apply them (no tray needed)</source>
        <translation>los turnos y descansos de los próximos días tal como Shiftwell los aplicará (sin la bandeja)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>how many days (default: 7)</source>
        <translation>cuántos días (por defecto: 7)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the first day (default: today)</source>
        <translation>el primer día (por defecto: hoy)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Take a break now</source>
        <translation>Tomar un descanso ahora</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Postpone break</source>
        <translation>Posponer descanso</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>answer on the desktop, not here (for menus and launchers); starts Shiftwell if needed</source>
        <translation>responder en el escritorio, no aquí (para menús y lanzadores); arranca Shiftwell si hace falta</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>postpone the break that is due</source>
        <translation>aplazar el descanso pendiente</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>skip the break</source>
        <translation>saltarse el descanso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skip break</source>
        <translation>Saltar descanso</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Call ended</source>
        <translation>Llamada terminada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>I need more time…</source>
        <translation>Necesito más tiempo…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>close the log-off screen</source>
        <translation>cerrar la pantalla de fin de turno</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close the log-off screen</source>
        <translation>Cerrar la pantalla de fin de turno</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>End shift</source>
        <translation>Terminar turno</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/tray/tray.py" line="+26"/>
        <source>This week…</source>
        <translation>Esta semana…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Shiftwell</source>
        <translation>Salir de Shiftwell</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Postpone break ({count} left)</source>
        <translation>Posponer descanso (quedan {count})</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/views.py" line="+16"/>
        <source>Escalated customer</source>
        <translation>Cliente escalado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handover</source>
        <translation>Traspaso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System outage</source>
        <translation>Caída del sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue backlog</source>
        <translation>Cola acumulada</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Time to eat, away from the screen.</source>
        <translation>Hora de comer, lejos de la pantalla.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back at {time}.</source>
        <translation>Vuelves a las {time}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Postpone {time} ({count} left)</source>
        <translation>Posponer {time} (quedan {count})</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>This break is strict: it ends by itself.</source>
        <translation>Este descanso es estricto: termina solo.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Overtime left this week: {left} of {cap}. Every grant is recorded with its reason.</source>
        <translation>Horas extra que te quedan esta semana: {left} de {cap}. Cada concesión se registra con su motivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This week&apos;s overtime ({cap}) is used up.</source>
        <translation>Ya has usado las horas extra de esta semana ({cap}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your shift is over — log off</source>
        <translation>Tu turno ha terminado — hora de desconectar</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/schedule.py" line="+28"/>
        <source>e.g. &quot;09:00-17:00&quot;, &quot;09:00-12:00, 13:00-17:00&quot;, &quot;22:00-06:00&quot; or &quot;off&quot;</source>
        <translation>p. ej. &quot;09:00-17:00&quot;, &quot;09:00-12:00, 13:00-17:00&quot;, &quot;22:00-06:00&quot; u &quot;off&quot;</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>{value} is not a shift ({examples})</source>
        <translation>{value} no es un turno ({examples})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} has an impossible time ({examples})</source>
        <translation>{value} tiene una hora imposible ({examples})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is empty ({examples})</source>
        <translation>{value} está vacío ({examples})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{value} has overlapping spans ({examples})</source>
        <translation>{value} tiene tramos que se solapan ({examples})</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{value} must be a list of dates or ranges like [&quot;2026-12-24&quot;, &quot;2026-12-27..2027-01-02&quot;]</source>
        <translation>{value} tiene que ser una lista de fechas o intervalos como [&quot;2026-12-24&quot;, &quot;2026-12-27..2027-01-02&quot;]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{value} is not a date (write &quot;2026-12-24&quot;)</source>
        <translation>{value} no es una fecha (escribe &quot;2026-12-24&quot;)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{value} is not a date or range (write &quot;2026-12-24&quot; or &quot;2026-12-27..2027-01-02&quot;)</source>
        <translation>{value} no es una fecha ni un intervalo (escribe &quot;2026-12-24&quot; o &quot;2026-12-27..2027-01-02&quot;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{value} ends before it starts</source>
        <translation>{value} termina antes de empezar</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/setting_kinds.py" line="-187"/>
        <source>{value} must be a duration string ({examples})</source>
        <translation>{value} tiene que ser una duración escrita como texto ({examples})</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{value} must be a list of durations, e.g. [&quot;15m&quot;, &quot;5m&quot;, &quot;1m&quot;]</source>
        <translation>{value} tiene que ser una lista de duraciones, p. ej. [&quot;15m&quot;, &quot;5m&quot;, &quot;1m&quot;]</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{value} must be a whole number from {minimum} to {maximum}</source>
        <translation>{value} tiene que ser un número entero de {minimum} a {maximum}</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>{value} is out of range ({minimum} to {maximum})</source>
        <translation>{value} está fuera de rango (de {minimum} a {maximum})</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{value} must be true or false</source>
        <translation>{value} tiene que ser true o false</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{value} is not one of {allowed}</source>
        <translation>{value} no es ninguno de estos valores: {allowed}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{value} must be a command as a list of strings, e.g. [&quot;loginctl&quot;, &quot;lock-session&quot;]</source>
        <translation>{value} tiene que ser un comando escrito como lista de textos, p. ej. [&quot;loginctl&quot;, &quot;lock-session&quot;]</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/plan.py" line="+35"/>
        <source>e.g. &quot;10:30 15m&quot;, &quot;12:30 30m lunch&quot;</source>
        <translation>p. ej. &quot;10:30 15m&quot;, &quot;12:30 30m lunch&quot;</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Lunch</source>
        <translation>Comida</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Break</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{value} is not a break ({examples})</source>
        <translation>{value} no es un descanso ({examples})</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{value} must last from 1m to 4h</source>
        <translation>{value} debe durar de 1m a 4h</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{value} must be a list of breaks, e.g. [&quot;10:30 15m&quot;, &quot;12:30 30m lunch&quot;]</source>
        <translation>{value} debe ser una lista de descansos, p. ej. [&quot;10:30 15m&quot;, &quot;12:30 30m lunch&quot;]</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{value} overlaps {other}</source>
        <translation>{value} se solapa con {other}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{value} must be a table of weekdays, e.g. friday = [&quot;10:30 15m&quot;]</source>
        <translation>{value} debe ser una tabla de días de la semana, p. ej. friday = [&quot;10:30 15m&quot;]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{value} is not a weekday (monday to sunday)</source>
        <translation>{value} no es un día de la semana (de monday a sunday)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>e.g. {from = &quot;2026-11-30&quot;, weeks = [{monday = &quot;09:00-17:00&quot;}, {monday = &quot;13:00-21:00&quot;}]}</source>
        <translation>p. ej. {from = &quot;2026-11-30&quot;, weeks = [{monday = &quot;09:00-17:00&quot;}, {monday = &quot;13:00-21:00&quot;}]}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{value} is not a rotation ({examples})</source>
        <translation>{value} no es una rotación ({examples})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{value} must list 1 to 12 weeks</source>
        <translation>{value} debe tener de 1 a 12 semanas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>week {number}: the shift on {day} runs into the next day&apos;s shift</source>
        <translation>semana {number}: el turno de {day} se solapa con el del día siguiente</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>week {number}: {value} must name weekdays and, if you like, breaks</source>
        <translation>semana {number}: {value} debe nombrar días de la semana y, si quieres, descansos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>week {number}: {problem}</source>
        <translation>semana {number}: {problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>week {number}: {value} is outside the shifts on {day}</source>
        <translation>semana {number}: {value} queda fuera de los turnos de {day}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../app/shiftwell/core/setting_kinds.py" line="+11"/>
        <source>{value} must be a string such as &quot;09:00-17:00&quot; or &quot;off&quot;</source>
        <translation>{value} tiene que ser un texto como &quot;09:00-17:00&quot; u &quot;off&quot;</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/setting_kinds.py" line="+36"/>
        <source>{value} must be a time zone name such as &quot;Europe/Berlin&quot;</source>
        <translation>{value} tiene que ser el nombre de una zona horaria, como &quot;Europe/Berlin&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{value} is not a known time zone (e.g. &quot;Europe/Berlin&quot;)</source>
        <translation>{value} no es una zona horaria conocida (p. ej. &quot;Europe/Berlin&quot;)</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/settings.py" line="+217"/>
        <source>{value} overlaps {other_key} = {other_value} across midnight; using the default</source>
        <translation>{value} se solapa con {other_key} = {other_value} pasada la medianoche; se usa el valor predeterminado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{value} overlaps {other_key} = {other_value} across midnight; no shift that day</source>
        <translation>{value} se solapa con {other_key} = {other_value} pasada la medianoche; ese día no hay turno</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{value} is outside the shifts on {day} ({spans}); using the default</source>
        <translation>{value} queda fuera de los turnos de {day} ({spans}); se usa el valor por defecto</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{problem}; using the default</source>
        <translation>{problem}; se usa el valor predeterminado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown key (known keys here: {known_keys})</source>
        <translation>clave desconocida (claves conocidas aquí: {known_keys})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be shorter than {long_key}; using the defaults for both</source>
        <translation>tiene que ser más corto que {long_key}; se usan los valores predeterminados de ambos</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>must be shorter than {long_key} ({long_length})</source>
        <translation>tiene que ser más corto que {long_key} ({long_length})</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>set by the team policy ({policy}); your value is ignored</source>
        <translation>fijado por la política de tu equipo ({policy}); tu valor se ignora</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>must be shorter than {other_key} ({other_length}), which the team policy ({policy}) sets; using the default</source>
        <translation>tiene que ser más corto que {other_key} ({other_length}), que fija la política de tu equipo ({policy}); se usa el valor predeterminado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be longer than {other_key} ({other_length}), which the team policy ({policy}) sets; using the default</source>
        <translation>tiene que ser más largo que {other_key} ({other_length}), que fija la política de tu equipo ({policy}); se usa el valor predeterminado</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/app.py" line="-109"/>
        <source>Shiftwell is already running for {folder}.</source>
        <translation>Shiftwell ya está en marcha para {folder}.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A command failed</source>
        <translation>Un comando ha fallado</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/storage_link.py" line="+99"/>
        <source>Shiftwell can&apos;t open its database</source>
        <translation>Shiftwell no puede abrir su base de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{error} Shiftwell will close.</source>
        <translation>{error} Shiftwell se cerrará.</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+65"/>
        <source>Shiftwell can&apos;t save</source>
        <translation>Shiftwell no puede guardar</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Shiftwell saves again</source>
        <translation>Shiftwell vuelve a guardar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing was lost.</source>
        <translation>No se ha perdido nada.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Shiftwell can&apos;t create its database: the disk holding {folder} is full. Your shift is kept and saved as soon as there is room.</source>
        <translation>Shiftwell no puede crear su base de datos: el disco de {folder} está lleno. Tu turno se conserva y se guarda en cuanto haya espacio.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shiftwell can&apos;t open its database: the disk holding {folder} is full. It tries again every few seconds.</source>
        <translation>Shiftwell no puede abrir su base de datos: el disco de {folder} está lleno. Lo vuelve a intentar cada pocos segundos.</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+72"/>
        <source>Shiftwell started a new database</source>
        <translation>Shiftwell ha empezado una base de datos nueva</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>The old one could not be read; it was kept as {path}.</source>
        <translation>La anterior no se podía leer; se ha guardado como {path}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shiftwell lost its last changes</source>
        <translation>Shiftwell perdió sus últimos cambios</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Part of the file holding the last changes before Shiftwell stopped was damaged, and what came after the damage could not be read back. A copy was kept as {path}.</source>
        <translation>Parte del archivo con los últimos cambios antes de que Shiftwell se detuviera estaba dañada, y lo que venía después del daño no se pudo recuperar. Se guardó una copia como {path}.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Your computer&apos;s clock was ahead when Shiftwell last ran: {count} records dated up to {ahead} in the future were moved back by {moved}, keeping their order and lengths.</source>
        <translation>El reloj de tu ordenador iba adelantado la última vez que Shiftwell estuvo en marcha: {count} registros fechados hasta {ahead} en el futuro se han retrasado {moved}, conservando su orden y su duración.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Shiftwell corrected your record</source>
        <translation>Shiftwell ha corregido tu registro</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Its database was damaged while in use; it was kept as {path}, and a new one holds what happens from now on.</source>
        <translation>Su base de datos se dañó mientras se usaba; se conservó como {path}, y una nueva guarda lo que pase a partir de ahora.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/app.py" line="+16"/>
        <location line="+187"/>
        <source>Some settings were not understood</source>
        <translation>Algunos ajustes no se han entendido</translation>
    </message>
    <message numerus="yes">
        <location line="-112"/>
        <source>{first} (and %n more)</source>
        <comment>{first} (and one more)</comment>
        <translation>
            <numerusform>{first} (y %n más)</numerusform>
            <numerusform>{first} (y %n más)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Settings not saved</source>
        <translation>Ajustes sin guardar</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/storage/opening.py" line="+219"/>
        <source>cannot create the data folder {folder}: {reason}</source>
        <translation>no se puede crear la carpeta de datos {folder}: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot write in {folder} (permission denied): Shiftwell keeps {name} and its journal files there. Nothing was changed.</source>
        <translation>no se puede escribir en {folder} (permiso denegado): Shiftwell guarda ahí {name} y sus archivos de diario. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{path} is not a file. Nothing was changed.</source>
        <translation>{path} no es un archivo. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} cannot be read and written by this user (permission denied); check its owner and permissions. Nothing was changed.</source>
        <translation>{path} no se puede leer y escribir con este usuario (permiso denegado); revisa su propietario y sus permisos. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/storage/database.py" line="+180"/>
        <source>SQLite cannot open {path}: {reason}. Nothing was changed.</source>
        <translation>SQLite no puede abrir {path}: {reason}. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{path} is locked: another program holds it (another Shiftwell, or a tool that has the file open). Gave up after {seconds} s; nothing was changed.</source>
        <translation>{path} está bloqueado: lo retiene otro programa (otro Shiftwell o una herramienta que tiene el archivo abierto). Se ha dejado de esperar tras {seconds} s; no se ha cambiado nada.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{path} belongs to another program: it does not have Shiftwell&apos;s tables ({tables}). It was left untouched; move it away to start afresh.</source>
        <translation>{path} pertenece a otro programa: no tiene las tablas de Shiftwell ({tables}). No se ha tocado; muévelo a otro sitio para empezar de nuevo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} was written by a newer Shiftwell (schema revision {revisions}); this version cannot read it. Update Shiftwell to open it; the file was left untouched.</source>
        <translation>{path} lo escribió un Shiftwell más reciente (revisión del esquema {revisions}); esta versión no puede leerlo. Actualiza Shiftwell para abrirlo; el archivo no se ha tocado.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/storage/opening.py" line="-75"/>
        <source>{path} is not a usable database and could not be moved to {aside}: {reason}</source>
        <translation>{path} no es una base de datos utilizable y no se ha podido mover a {aside}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/storage/database.py" line="+115"/>
        <source>migrating {path} to {head} would leave {count} rows pointing at rows that do not exist; it was left as it was.</source>
        <translation>migrar {path} al esquema {head} dejaría filas que apuntan a filas que no existen ({count} en total); se ha dejado como estaba.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>could not migrate {path} from schema {current} to {head} ({error}); it was left as it was, and a copy is at {backup}.</source>
        <translation>no se ha podido migrar {path} del esquema {current} al {head} ({error}); se ha dejado como estaba y hay una copia en {backup}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>could not migrate {path} from schema empty to {head} ({error}); it was left as it was.</source>
        <translation>no se ha podido migrar {path} de un esquema vacío al esquema {head} ({error}); se ha dejado como estaba.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not migrate {path} from schema {current} to {head} ({error}); it was left as it was.</source>
        <translation>no se ha podido migrar {path} del esquema {current} al {head} ({error}); se ha dejado como estaba.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>missing table {table}</source>
        <translation>falta la tabla {table}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown table {table}</source>
        <translation>tabla desconocida {table}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>table {table} differs</source>
        <translation>la tabla {table} es distinta</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{path} has no schema version and its tables are not the ones Shiftwell makes ({differences}). It was left untouched; move it away to start afresh.</source>
        <translation>{path} no tiene versión de esquema y sus tablas no son las que crea Shiftwell ({differences}). No se ha tocado; muévelo a otro sitio para empezar de cero.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/cli/parser.py" line="+130"/>
        <source>where the database and log live (env {variable}; default: the platform&apos;s user data dir); each data dir is its own profile with its own running instance</source>
        <translation>dónde se guardan la base de datos y el registro (variable {variable}; por defecto: la carpeta de datos de usuario del sistema); cada carpeta de datos es un perfil aparte, con su propia instancia en marcha</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the settings file (env {variable}; default: config.toml in the platform&apos;s user config dir, written with comments on first run)</source>
        <translation>el archivo de ajustes (variable {variable}; por defecto: config.toml en la carpeta de configuración de usuario del sistema, que se crea con comentarios la primera vez)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>log details to the terminal too</source>
        <translation>muestra también los detalles en la terminal</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Keeps the boundary between shift work and life: focus blocks, real breaks and a final end to the working day, from the system tray. Without a command it starts the tray (or shows the one already running).</source>
        <translation>Mantiene la frontera entre el trabajo por turnos y tu vida: bloques de concentración, descansos de verdad y un final claro para la jornada, desde la bandeja del sistema. Sin ningún comando, abre la bandeja (o muestra la que ya está en marcha).</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>{value} must be a whole number from 1 to {maximum}</source>
        <translation>{value} debe ser un número entero de 1 a {maximum}</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>check that this Shiftwell works (offscreen, on a temporary folder; your data and settings are not touched), print one line per check and exit</source>
        <translation>comprueba que este Shiftwell funciona (sin pantalla, en una carpeta temporal; tus datos y ajustes no se tocan), muestra una línea por comprobación y termina</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>how long to wait for the desktop&apos;s system tray at login before showing a status window instead (default: 30s)</source>
        <translation>cuánto esperar a la bandeja del sistema del escritorio al iniciar sesión antes de mostrar en su lugar una ventana de estado (por defecto: 30s)</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/commands.py" line="-112"/>
        <source>start the tray (the default)</source>
        <translation>abre la bandeja (lo predeterminado)</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/cli/parser.py" line="-143"/>
        <source>{value} must be longer than zero</source>
        <translation>{value} tiene que durar más de cero</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/commands.py" line="+3"/>
        <source>show what the running Shiftwell is doing</source>
        <translation>muestra qué está haciendo el Shiftwell en marcha</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+175"/>
        <source>print JSON</source>
        <translation>muestra la salida en JSON</translation>
    </message>
    <message>
        <location line="-171"/>
        <source>start a shift now</source>
        <translation>empieza un turno ahora</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>confirm working outside the schedule</source>
        <translation>confirma que trabajas fuera del horario</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>pause, until resumed or for DURATION</source>
        <translation>pausa, hasta que la reanudes o durante DURATION</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>resume after a pause</source>
        <translation>reanuda tras una pausa</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>take a break now</source>
        <translation>toma un descanso ahora</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>back to work: resume a pause or skip the break under way</source>
        <translation>vuelta al trabajo: reanuda una pausa o sáltate el descanso en curso</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>tell Shiftwell a customer call started or ended</source>
        <translation>avisa a Shiftwell de que una llamada con un cliente ha empezado o terminado</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>end the shift now</source>
        <translation>termina el turno ahora</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>ask for more time after the shift (capped per week)</source>
        <translation>pide más tiempo después del turno (con un tope semanal)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>why (recorded with the grant)</source>
        <translation>por qué (se guarda con las horas extra concedidas)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>stop the running Shiftwell</source>
        <translation>cierra el Shiftwell en marcha</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>open the weekly review in its own window (works without the tray)</source>
        <translation>abrir el resumen semanal en su propia ventana (funciona sin la bandeja)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>keep it above full-screen windows (the log-off screen)</source>
        <translation>mantenerlo por encima de las ventanas a pantalla completa (la pantalla de fin de turno)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a week&apos;s figures, from the database (works without the tray)</source>
        <translation>las cifras de una semana, sacadas de la base de datos (funciona sin la bandeja)</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>ISO week, e.g. 2026-W48 (default: this one)</source>
        <translation>semana ISO, p. ej. 2026-W48 (por defecto: esta)</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/cli/__init__.py" line="+42"/>
        <source>--reason is not valid UTF-8 text</source>
        <translation>--reason no es texto UTF-8 válido</translation>
    </message>
    <message>
        <location line="+202"/>
        <source>no graphical session found (neither DISPLAY nor WAYLAND_DISPLAY is set); start Shiftwell from your desktop session.</source>
        <translation>no se ha encontrado ninguna sesión gráfica (no están definidas ni DISPLAY ni WAYLAND_DISPLAY); abre Shiftwell desde tu sesión de escritorio.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/platform/instance.py" line="+511"/>
        <source>Shiftwell is not running (no instance for data dir {folder})</source>
        <translation>Shiftwell no está en marcha (no hay ninguna instancia para la carpeta de datos {folder})</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/cli/__init__.py" line="-113"/>
        <location filename="../../app/shiftwell/cli/launcher.py" line="+48"/>
        <source>the running Shiftwell refused the command</source>
        <translation>el Shiftwell en marcha ha rechazado el comando</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Shiftwell is stopping.</source>
        <translation>Shiftwell se está cerrando.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Shiftwell is already running for {folder}; showing it.</source>
        <translation>Shiftwell ya está en marcha para {folder}; te lo muestro.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the data dir {folder} is a file, not a directory</source>
        <translation>la carpeta de datos {folder} es un archivo, no una carpeta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>can&apos;t create the data dir {folder}: {reason}</source>
        <translation>no se puede crear la carpeta de datos {folder}: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data dir {folder} is not writable</source>
        <translation>no se puede escribir en la carpeta de datos {folder}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>shiftwell: cannot write the log file {path}: {reason}</source>
        <translation>shiftwell: no se puede escribir el registro {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/week_record.py" line="+48"/>
        <source>no database yet at {path}</source>
        <translation>todavía no hay ninguna base de datos en {path}</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/platform/instance.py" line="-460"/>
        <source>malformed reply from Shiftwell: an array, not an object</source>
        <translation>respuesta mal formada de Shiftwell: un array, no un objeto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>malformed reply from Shiftwell: a string, not an object</source>
        <translation>respuesta mal formada de Shiftwell: una cadena de texto, no un objeto</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>malformed reply from Shiftwell: a number, not an object</source>
        <translation>respuesta mal formada de Shiftwell: un número, no un objeto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>malformed reply from Shiftwell: a boolean, not an object</source>
        <translation>respuesta mal formada de Shiftwell: un booleano, no un objeto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>malformed reply from Shiftwell: null, not an object</source>
        <translation>respuesta mal formada de Shiftwell: null, no un objeto</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>{socket} belongs to another user (uid {uid}); not using it</source>
        <translation>{socket} pertenece a otro usuario (uid {uid}); no se va a usar</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>can&apos;t create the lock file {path} ({reason})</source>
        <translation>no se puede crear el archivo de bloqueo {path} ({reason})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>can&apos;t listen on {socket}: {reason}</source>
        <translation>no se puede escuchar en {socket}: {reason}</translation>
    </message>
    <message>
        <location line="+291"/>
        <source>Shiftwell did not take the request within {seconds} s</source>
        <translation>Shiftwell no recibió la petición en {seconds} s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>malformed reply from Shiftwell: longer than 64 KiB</source>
        <translation>respuesta mal formada de Shiftwell: ocupa más de 64 KiB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shiftwell closed the connection without replying</source>
        <translation>Shiftwell cerró la conexión sin responder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shiftwell did not reply within {seconds} s</source>
        <translation>Shiftwell no respondió en {seconds} s</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Shiftwell is not running (no instance for {socket})</source>
        <translation>Shiftwell no está en marcha (no hay ninguna instancia en {socket})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shiftwell did not accept the connection within {seconds} s</source>
        <translation>Shiftwell no aceptó la conexión en {seconds} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>can&apos;t connect to Shiftwell at {socket}: {reason}</source>
        <translation>no se puede conectar con Shiftwell en {socket}: {reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Shiftwell replied with protocol version {version}; this command speaks version {own_version}</source>
        <translation>Shiftwell respondió con la versión {version} del protocolo; este comando usa la versión {own_version}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>malformed reply from Shiftwell: {reply}</source>
        <translation>respuesta mal formada de Shiftwell: {reply}</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/storage/figures.py" line="+41"/>
        <source>year {year} is out of range (2 to 9998)</source>
        <translation>el año {year} está fuera de rango (de 2 a 9998)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{year} has weeks 1 to {last_week}, not week {week}</source>
        <translation>{year} tiene las semanas de la 1 a la {last_week}; la semana {week} no existe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{text} is not an ISO week; write it like 2026-W48</source>
        <translation>{text} no es una semana ISO; escríbela así: 2026-W48</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/platform/commands.py" line="+53"/>
        <source>{what} did not finish within {seconds} s and was stopped.</source>
        <translation>{what} no terminó en {seconds} s y se detuvo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{what} could not start {program}: {reason}</source>
        <translation>{what} no pudo iniciar {program}: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{what} exited with status {code}.</source>
        <translation>{what} terminó con el estado {code}.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/platform/config_file.py" line="+75"/>
        <source>{count} more problems are not listed</source>
        <translation>no se muestran {count} problemas más</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>using all defaults</source>
        <translation>se usan todos los valores predeterminados</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the team policy is not applied</source>
        <translation>no se aplica la política de tu equipo</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>can&apos;t be read ({reason}); {fallback}</source>
        <translation>no se puede leer ({reason}); {fallback}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not valid TOML ({error}); {fallback}</source>
        <translation>no es TOML válido ({error}); {fallback}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nests tables or arrays more than {depth} levels deep; {fallback}</source>
        <translation>anida tablas o listas a más de {depth} niveles; {fallback}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>it is a folder, not a file</source>
        <translation>es una carpeta, no un archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a regular file but a pipe, device or socket</source>
        <translation>no es un archivo normal, sino una tubería, un dispositivo o un socket</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it is larger than {size} KiB, too large for a settings file</source>
        <translation>ocupa más de {size} KiB, demasiado para un archivo de ajustes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it is not UTF-8 text: byte 0x{byte} at position {position}</source>
        <translation>no es texto UTF-8: byte 0x{byte} en la posición {position}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line {line} is longer than {length} characters</source>
        <translation>la línea {line} tiene más de {length} caracteres</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/storage/durable.py" line="+151"/>
        <source>the database is not open yet</source>
        <translation>la base de datos aún no está abierta</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Shiftwell can&apos;t write to its database ({reason}). What happens is kept and written as soon as it can be; nothing is lost.</source>
        <translation>Shiftwell no puede escribir en su base de datos ({reason}). Lo que pasa se conserva y se escribirá en cuanto se pueda; no se pierde nada.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/cli/schedule.py" line="+33"/>
        <source>{value} is not a date (write it like 2026-12-24)</source>
        <translation>{value} no es una fecha (escríbela así: 2026-12-24)</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/day_plan.py" line="+119"/>
        <source>From the calendar at {source}, fetched {moment}.</source>
        <translation>Del calendario en {source}, descargado el {moment}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From the settings in {path}.</source>
        <translation>De los ajustes de {path}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>lunch</source>
        <translation>comida</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>break</source>
        <translation>descanso</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/calendar_plan.py" line="+93"/>
        <source>it is not an iCalendar file (it does not begin BEGIN:VCALENDAR)</source>
        <translation>no es un archivo iCalendar (no empieza por BEGIN:VCALENDAR)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the calendar file is cut short (it does not end END:VCALENDAR)</source>
        <translation>el archivo del calendario está cortado (no termina en END:VCALENDAR)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>the calendar file can&apos;t be read: {reason}</source>
        <translation>no se puede leer el archivo del calendario: {reason}</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>it is not an iCalendar file</source>
        <translation>no es un archivo iCalendar</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>the calendar&apos;s events can&apos;t be expanded: {reason}</source>
        <translation>no se pueden desplegar los eventos del calendario: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/day_plan.py" line="-71"/>
        <source>The kept copy of the calendar can&apos;t be read ({reason}).</source>
        <translation>No se puede leer la copia guardada del calendario ({reason}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Until the calendar can be read, the schedule in the settings applies.</source>
        <translation>Hasta que se pueda leer el calendario, se aplica el horario de los ajustes.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/platform/calendar_feed.py" line="+130"/>
        <source>The calendar from {source} is not valid: {reason}.</source>
        <translation>El calendario de {source} no es válido: {reason}.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>the address is not valid</source>
        <translation>la dirección no es válida</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>the answer broke off</source>
        <translation>la respuesta se cortó</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+19"/>
        <source>larger than {size} MB</source>
        <translation>más de {size} MB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The calendar from {source} could not be fetched ({reason}).</source>
        <translation>No se pudo descargar el calendario de {source} ({reason}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shiftwell keeps the schedule fetched {moment}.</source>
        <translation>Shiftwell mantiene el horario descargado el {moment}.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>no answer in time</source>
        <translation>sin respuesta a tiempo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server&apos;s certificate can&apos;t be trusted: {why}</source>
        <translation>no se puede confiar en el certificado del servidor: {why}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no secure connection: {why}</source>
        <translation>no hay conexión segura: {why}</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/platform/coming_days.py" line="+52"/>
        <source>Write the calendar&apos;s address or file first.</source>
        <translation>Escribe primero la dirección o el archivo del calendario.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/settings/line_fields.py" line="+19"/>
        <source>10:30 15m
12:30 30m lunch
15:15 15m</source>
        <translation>10:30 15m
12:30 30m lunch
15:15 15m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>friday: 10:30 15m, 12:00 45m lunch</source>
        <translation>friday: 10:30 15m, 12:00 45m lunch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from = &quot;2026-11-30&quot;
{monday = &quot;07:00-15:00&quot;, breaks = [&quot;11:00 30m lunch&quot;]}
{monday = &quot;14:00-22:00&quot;}</source>
        <translation>from = &quot;2026-11-30&quot;
{monday = &quot;07:00-15:00&quot;, breaks = [&quot;11:00 30m lunch&quot;]}
{monday = &quot;14:00-22:00&quot;}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line {number}: {problem}</source>
        <translation>línea {number}: {problem}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>write a weekday, a colon, then its breaks (e.g. {example})</source>
        <translation>escribe un día de la semana, dos puntos y luego sus descansos (p. ej. {example})</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/fixed_breaks.py" line="+86"/>
        <source>The calendar can&apos;t be read ({reason}).</source>
        <translation>No se puede leer el calendario ({reason}).</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Today&apos;s shift was taken off your schedule.</source>
        <translation>El turno de hoy se ha quitado de tu horario.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today&apos;s shift is now {start}-{end}.</source>
        <translation>El turno de hoy es ahora de {start} a {end}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Your lunch moved to {time}.</source>
        <translation>Tu comida pasa a las {time}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your lunch today: {times}.</source>
        <translation>Tu comida de hoy: {times}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No lunch on your schedule today any more.</source>
        <translation>Ya no hay comida en tu horario de hoy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your breaks today: {times}.</source>
        <translation>Tus descansos de hoy: {times}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No more breaks on your schedule today.</source>
        <translation>No quedan descansos en tu horario de hoy.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/ui/notices/fixed_breaks.py" line="+24"/>
        <source>Your schedule changed</source>
        <translation>Tu horario ha cambiado</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../app/shiftwell/ui/text.py" line="-77"/>
        <source>{name} at {time}</source>
        <translation>{name} a las {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In {time}. Finish what you are doing.</source>
        <translation>En {time}. Termina lo que estás haciendo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../app/shiftwell/ui/text.py" line="-3"/>
        <source>{name} after your call</source>
        <translation>{name} después de tu llamada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It starts when your call ends, and you get all of it.</source>
        <translation>Empieza cuando termine tu llamada, y lo tienes entero.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back in {time}</source>
        <translation>Vuelves en {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is nearly over.</source>
        <translation>{name} está a punto de terminar.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} is over</source>
        <translation>{name} ha terminado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Welcome back.</source>
        <translation>¡Hola de nuevo!</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/calendar_link.py" line="+107"/>
        <source>Your schedule was not updated</source>
        <translation>Tu horario no se ha actualizado</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/tray_hint.py" line="+8"/>
        <source>No tray icon on this desktop</source>
        <translation>No hay icono en la bandeja de este escritorio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To see Shiftwell&apos;s icon in the top bar, install the “AppIndicator and KStatusNotifierItem Support” GNOME Shell extension (your distribution&apos;s gnome-shell-extension-appindicator package, or extensions.gnome.org) and turn it on. The icon then appears by itself; until then, Shiftwell shows itself in a small window.</source>
        <translation>Para ver el icono de Shiftwell en la barra superior, instala la extensión de GNOME Shell «AppIndicator and KStatusNotifierItem Support» (el paquete gnome-shell-extension-appindicator de tu distribución, o extensions.gnome.org) y actívala. El icono aparecerá solo; mientras tanto, Shiftwell se muestra en una pequeña ventana.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To see Shiftwell&apos;s icon, add the “System Tray” widget to your panel. The icon then appears by itself; until then, Shiftwell shows itself in a small window.</source>
        <translation>Para ver el icono de Shiftwell, añade el elemento «Bandeja del sistema» a tu panel. El icono aparecerá solo; mientras tanto, Shiftwell se muestra en una pequeña ventana.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To see Shiftwell&apos;s icon, add a tray to your bar (in Waybar, the “tray” module). The icon then appears by itself; until then, Shiftwell shows itself in a small window.</source>
        <translation>Para ver el icono de Shiftwell, añade una bandeja a tu barra (en Waybar, el módulo «tray»). El icono aparecerá solo; mientras tanto, Shiftwell se muestra en una pequeña ventana.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To see Shiftwell&apos;s icon, add the “Status Tray Plugin” item to your panel. The icon then appears by itself; until then, Shiftwell shows itself in a small window.</source>
        <translation>Para ver el icono de Shiftwell, añade el elemento «Complemento de bandeja de estado» a tu panel. El icono aparecerá solo; mientras tanto, Shiftwell se muestra en una pequeña ventana.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To see Shiftwell&apos;s icon, add a system tray (notification area) to your panel. The icon then appears by itself; until then, Shiftwell shows itself in a small window.</source>
        <translation>Para ver el icono de Shiftwell, añade una bandeja del sistema (área de notificación) a tu panel. El icono aparecerá solo; mientras tanto, Shiftwell se muestra en una pequeña ventana.</translation>
    </message>
    <message>
        <location filename="../../app/shiftwell/core/notice_actions.py" line="+1"/>
        <source>Take the break</source>
        <translation>Tomar la pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postpone</source>
        <translation>Posponer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log off now</source>
        <translation>Desconectar ahora</translation>
    </message>
</context>
<context>
    <name>BreakWindow</name>
    <message>
        <location filename="../../app/shiftwell/ui/breaks/overlay.py" line="+26"/>
        <source>Shiftwell break</source>
        <translation>Descanso de Shiftwell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time left in the break</source>
        <translation>Tiempo que queda de descanso</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Break idea</source>
        <translation>Idea para el descanso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Postpone</source>
        <translation>Posponer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip this break</source>
        <translation>Saltar este descanso</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hint</source>
        <translation>Indicación</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{time} left</source>
        <translation>quedan {time}</translation>
    </message>
</context>
<context>
    <name>CalendarCheckPanel</name>
    <message>
        <location filename="../../app/shiftwell/ui/settings/calendar_check.py" line="+65"/>
        <source>Chec&amp;k</source>
        <translation>Com&amp;probar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the calendar</source>
        <translation>Comprobar el calendario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetch the calendar now and show the next three days as Shiftwell would</source>
        <translation>Descargar el calendario ahora y mostrar los próximos tres días como los aplicaría Shiftwell</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Calendar check</source>
        <translation>Comprobación del calendario</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Calendar check: problem</source>
        <translation>Comprobación del calendario: problema</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The next three days from the calendar</source>
        <translation>Los próximos tres días según el calendario</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Checking {source}…</source>
        <translation>Comprobando {source}…</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <location filename="../../app/shiftwell/ui/review/charts.py" line="+29"/>
        <source>{chart} notes</source>
        <translation>notas de {chart}</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <location filename="../../app/shiftwell/ui/checkin/checkin.py" line="+15"/>
        <source>Shiftwell — check-in</source>
        <translation>Shiftwell — check-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shiftwell check-in: how are you doing?</source>
        <translation>Check-in de Shiftwell: ¿cómo estás?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How are you doing?</source>
        <translation>¿Cómo estás?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About this question</source>
        <translation>Sobre esta pregunta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only you see this. Keys 1 to 5 answer, Esc skips.</source>
        <translation>Solo lo ves tú. Las teclas del 1 al 5 responden; Esc lo salta.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Press {key}</source>
        <translation>Pulsa {key}</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>In a word (optional)</source>
        <translation>En una palabra (opcional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skip the check-in</source>
        <translation>Saltar el check-in</translation>
    </message>
</context>
<context>
    <name>CommandField</name>
    <message>
        <location filename="../../app/shiftwell/ui/settings/fields.py" line="+156"/>
        <source>{field}: runs</source>
        <translation>{field}: ejecuta</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>can&apos;t split {text} into arguments ({error})</source>
        <translation>no se puede separar {text} en argumentos ({error})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Runs [{arguments}]</source>
        <translation>Ejecuta [{arguments}]</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location line="-151"/>
        <source>{field}: problem</source>
        <translation>{field}: problema</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <location filename="../../app/shiftwell/ui/review/cards.py" line="+23"/>
        <source>{card} value</source>
        <translation>valor de {card}</translation>
    </message>
</context>
<context>
    <name>LogoffWindow</name>
    <message>
        <location filename="../../app/shiftwell/ui/logoff/logoff_screen.py" line="+119"/>
        <source>Shiftwell: your shift is over</source>
        <translation>Shiftwell: tu turno ha terminado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headline</source>
        <translation>Titular</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your shift</source>
        <translation>Tu turno</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I need more time…</source>
        <translation>Necesito más tiempo…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>I need more time</source>
        <translation>Necesito más tiempo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the log-off screen</source>
        <translation>Cerrar la pantalla de fin de turno</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>See your week</source>
        <translation>Ver tu semana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>See your week in review</source>
        <translation>Ver el resumen de tu semana</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hint</source>
        <translation>Indicación</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Close this screen when you are done for the day.</source>
        <translation>Cierra esta pantalla cuando termines por hoy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This screen stays until you log off.</source>
        <translation>Esta pantalla se queda hasta que cierres la sesión.</translation>
    </message>
</context>
<context>
    <name>OvertimePanel</name>
    <message>
        <location line="-139"/>
        <source>Ask for more time</source>
        <translation>Pedir más tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What still needs doing?</source>
        <translation>¿Qué te queda por hacer?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About overtime</source>
        <translation>Sobre las horas extra</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reason for more time</source>
        <translation>Motivo para pedir más tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or say why in your own words</source>
        <translation>O di por qué con tus palabras</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel: no more time</source>
        <translation>Cancelar: sin más tiempo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grant more time</source>
        <translation>Conceder más tiempo</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reason: {reason}</source>
        <translation>Motivo: {reason}</translation>
    </message>
</context>
<context>
    <name>Popup</name>
    <message>
        <location filename="../../app/shiftwell/ui/notices/popup.py" line="+23"/>
        <location line="+1"/>
        <source>Shiftwell announcement</source>
        <translation>Aviso de Shiftwell</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/shiftwell/ui/settings/dialog.py" line="+60"/>
        <location line="+1"/>
        <source>Shiftwell settings</source>
        <translation>Ajustes de Shiftwell</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings sections</source>
        <translation>Secciones de ajustes</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sa&amp;ve</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save settings</source>
        <translation>Guardar los ajustes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel: close without saving</source>
        <translation>Cancelar: cerrar sin guardar</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>S&amp;tart at login</source>
        <translation>&amp;Inicio con la sesión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shiftwell can start by itself when you log in.</source>
        <translation>Shiftwell puede arrancar solo cuando inicias sesión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start Shiftwell when I log &amp;in</source>
        <translation>Abrir Shiftwell al &amp;entrar en la sesión</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Start at login: problem</source>
        <translation>Inicio con la sesión: problema</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting at login is not available on this system.</source>
        <translation>Arrancar al iniciar sesión no está disponible en este sistema.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The entry lives in {location}</source>
        <translation>La entrada está en {location}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A micro break must be shorter than a long break ({length}).</source>
        <translation>Un microdescanso tiene que ser más corto que un descanso largo ({length}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A long break must be longer than a micro break ({length}).</source>
        <translation>Un descanso largo tiene que ser más largo que un microdescanso ({length}).</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Could not turn on start at login: {error}</source>
        <translation>No se pudo activar el inicio con la sesión: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not turn off start at login: {error}</source>
        <translation>No se pudo desactivar el inicio con la sesión: {error}</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../app/shiftwell/ui/shell.py" line="-114"/>
        <source>Time to start your shift</source>
        <translation>Es hora de empezar tu turno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your shift is planned from {start} to {end}.</source>
        <translation>Tu turno está previsto de {start} a {end}.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Your shift is over</source>
        <translation>Tu turno ha terminado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish your call: the log-off screen comes when it ends.</source>
        <translation>Termina tu llamada: la pantalla de fin de turno aparecerá cuando acabe.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shiftwell restarted</source>
        <translation>Shiftwell se ha reiniciado</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Finish what you are doing.</source>
        <translation>Termina lo que estás haciendo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Micro break — {length}</source>
        <translation>Microdescanso — {length}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look away from the screen, roll your shoulders, breathe out slowly.</source>
        <translation>Aparta la vista de la pantalla, mueve los hombros y suelta el aire despacio.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A break after your call</source>
        <translation>Un descanso después de tu llamada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It starts in {time}.</source>
        <translation>Empieza en {time}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Break over</source>
        <translation>Fin del descanso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Welcome back.</source>
        <translation>¡Hola de nuevo!</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your pause goes on until you resume.</source>
        <translation>Tu pausa sigue hasta que reanudes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your pause goes on: {time} left.</source>
        <translation>Tu pausa sigue: quedan {time}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your break goes on: {time} left.</source>
        <translation>Tu descanso sigue: quedan {time}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You are still on a call: breaks wait until it ends.</source>
        <translation>Sigues en una llamada: los descansos esperan a que termine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your shift goes on.</source>
        <translation>Tu turno sigue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your shift ends in {time}</source>
        <translation>Tu turno termina en {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time to wrap up: finish the current case, write your handover.</source>
        <translation>Hora de ir cerrando: termina el caso actual y escribe tu traspaso.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In a minute Shiftwell shows the log-off screen.</source>
        <translation>En un minuto Shiftwell mostrará la pantalla de fin de turno.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In a minute Shiftwell shows the log-off screen and runs “{command}”.</source>
        <translation>En un minuto Shiftwell mostrará la pantalla de fin de turno y ejecutará «{command}».</translation>
    </message>
</context>
<context>
    <name>StatsWindow</name>
    <message>
        <location filename="../../app/shiftwell/ui/review/window.py" line="-307"/>
        <source>Shiftwell — your week</source>
        <translation>Shiftwell — tu semana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shiftwell week stats</source>
        <translation>Estadísticas semanales de Shiftwell</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>‹ Previous</source>
        <translation>‹ Anterior</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+165"/>
        <source>Previous week</source>
        <translation>Semana anterior</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Previous week (Alt+←)</source>
        <translation>Semana anterior (Alt+←)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+165"/>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>This week (Home)</source>
        <translation>Esta semana (Inicio)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next ›</source>
        <translation>Siguiente ›</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+161"/>
        <source>Next week</source>
        <translation>Semana siguiente</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Next week (Alt+→)</source>
        <translation>Semana siguiente (Alt+→)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Week shown</source>
        <translation>Semana mostrada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About this week</source>
        <translation>Sobre esta semana</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+11"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Export menu</source>
        <translation>Menú de exportación</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save this week as CSV, calendar, picture or PDF</source>
        <translation>Guarda esta semana como CSV, calendario, imagen o PDF</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+11"/>
        <source>Breaks at fixed times</source>
        <translation>Descansos a horas fijas</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Breaks at fixed times · for your eyes only</source>
        <translation>Descansos a horas fijas · solo para ti</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Couldn&apos;t read this week</source>
        <translation>No se pudo leer esta semana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shiftwell could not read the figures for {week}: {error}</source>
        <translation>Shiftwell no pudo leer las cifras de {week}: {error}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No shifts recorded this week</source>
        <translation>No hay turnos registrados esta semana</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This week, until {day} · {so_far} · times in {zone}</source>
        <translation>Esta semana, hasta el {day} · {so_far} · horas en {zone}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Times in {zone}</source>
        <translation>Horas en {zone}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This week is still ahead.</source>
        <translation>Esta semana todavía no ha llegado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shifts you work this week will show up here as you go.</source>
        <translation>Los turnos que trabajes esta semana irán apareciendo aquí.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There were no shifts in this week — a week off, or before Shiftwell.</source>
        <translation>No hubo turnos esta semana: una semana libre, o antes de Shiftwell.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Export {what}</source>
        <translation>Exportar {what}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Couldn&apos;t save {name}: {reason}</source>
        <translation>No se pudo guardar {name}: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>can&apos;t write a PNG to {path}</source>
        <translation>no se puede escribir un PNG en {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>there are no figures to export for this week</source>
        <translation>no hay cifras que exportar de esta semana</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>exports of stored rows are not available here</source>
        <translation>aquí no se pueden exportar los registros guardados</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <location filename="../../app/shiftwell/ui/tray/status_window.py" line="-20"/>
        <source>Shiftwell status</source>
        <translation>Estado de Shiftwell</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Shiftwell is already running, with its icon in the system tray. Closing this window keeps it running; use Menu → Quit to stop it.</source>
        <translation>Shiftwell ya está en marcha, con su icono en la bandeja del sistema. Si cierras esta ventana, sigue funcionando; usa Menú → Salir de Shiftwell para detenerlo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No system tray was found on this desktop, so Shiftwell shows itself in this window. Closing it keeps Shiftwell running; use Menu → Quit to stop it.</source>
        <translation>No se ha encontrado ninguna bandeja del sistema en este escritorio, así que Shiftwell se muestra en esta ventana. Si la cierras, Shiftwell sigue funcionando; usa Menú → Salir de Shiftwell para detenerlo.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../app/shiftwell/ui/tray/tray.py" line="+56"/>
        <source>Shiftwell — starting…</source>
        <translation>Shiftwell — arrancando…</translation>
    </message>
</context>
<context>
    <name>WeekCharts</name>
    <message>
        <location filename="../../app/shiftwell/ui/review/charts.py" line="+45"/>
        <source>Planned</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Focus</source>
        <translation>Concentración</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{day}: focus {focus} of {planned} planned</source>
        <translation>{day}: concentración {focus} de {planned} previstas</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No breaks fell due this week.</source>
        <translation>Esta semana no tocaba ningún descanso.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kept</source>
        <translation>Respetados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Natural</source>
        <translation>Naturales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postponed</source>
        <translation>Pospuestos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Saltados</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{day}: {kept} kept, {natural} natural, {postponed} postponed, {skipped} skipped</source>
        <translation>{day}: {kept} respetados, {natural} naturales, {postponed} pospuestos, {skipped} saltados</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>On time</source>
        <translation>A tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late</source>
        <translation>Tarde</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Planned end</source>
        <translation>Fin previsto</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>on time</source>
        <translation>a tiempo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{time} late</source>
        <translation>{time} tarde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{day}: {how}</source>
        <translation>{day}: {how}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No log-offs yet this week.</source>
        <translation>Todavía no hay desconexiones esta semana.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No overtime this week.</source>
        <translation>Sin horas extra esta semana.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overtime (min)</source>
        <translation>Horas extra (min)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No check-ins this week.</source>
        <translation>Sin check-ins esta semana.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{day}: {score} of 5</source>
        <translation>{day}: {score} de 5</translation>
    </message>
</context>
</TS>
