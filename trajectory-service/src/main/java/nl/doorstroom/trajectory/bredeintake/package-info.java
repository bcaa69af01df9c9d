/** The brede intake (Wet inburgering 2021): the leerbaarheidstoets and findings on education, work and circumstances. */
package nl.doorstroom.trajectory.bredeintake;
